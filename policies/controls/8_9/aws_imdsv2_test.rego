package annexa.controls.c8_9.aws_imdsv2_test

import data.annexa.controls.c8_9.aws_imdsv2 as check
import data.annexa.lib.testing

instance(attrs) := testing.resource("aws_instance", "web", object.union({"ami": "ami-1", "instance_type": "t3.micro"}, attrs))

test_pass_required if {
	facts := testing.facts([instance({"metadata_options": [{"http_endpoint": "enabled", "http_tokens": "required"}]})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_instance.web"} with data.facts as facts
}

test_pass_endpoint_disabled if {
	count(check.deny) == 0 with data.facts as testing.facts([instance({"metadata_options": [{"http_endpoint": "disabled", "http_tokens": "optional"}]})])
}

test_fail_optional if {
	check.deny == {{
		"msg": "EC2 instance allows IMDSv1 (metadata_options http_tokens is \"optional\")",
		"resource": "aws_instance.web",
		"details": {"http_tokens": "optional"},
	}} with data.facts as testing.facts([instance({"metadata_options": [{"http_tokens": "optional"}]})])
}

test_fail_block_left_out if {
	i := object.union(instance({}), {"configured": ["ami", "instance_type"], "unknown": ["metadata_options"]})
	findings := check.deny with data.facts as testing.facts([i])
	{f.details.http_tokens | some f in findings} == {"block_left_out"}
}

test_fail_tokens_left_out_in_template if {
	lt := object.union(testing.resource("aws_launch_template", "web", {"metadata_options": [{"http_endpoint": "enabled"}]}), {"unknown": ["metadata_options.0.http_tokens"]})
	findings := check.deny with data.facts as testing.facts([lt])
	{f.details.http_tokens | some f in findings} == {"tokens_left_out"}
}

test_pass_referenced_not_judged if {
	i := testing.with_refs(instance({"metadata_options": [{"http_endpoint": "enabled"}]}), {"metadata_options.http_tokens": ["aws_ssm_parameter.imds"]})
	count(check.deny) == 0 with data.facts as testing.facts([i])
	count(check.judged) == 0 with data.facts as testing.facts([i])
}
