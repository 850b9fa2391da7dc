package annexa.controls.c8_8.aws_ecr_scanning_test

import data.annexa.controls.c8_8.aws_ecr_scanning as check
import data.annexa.lib.testing

repo(name, on_push) := testing.resource("aws_ecr_repository", name, {
	"name": sprintf("acme/%s", [name]),
	"image_tag_mutability": "IMMUTABLE",
	"image_scanning_configuration": [{"scan_on_push": on_push}],
})

registry(frequency, filter) := testing.resource("aws_ecr_registry_scanning_configuration", "this", {
	"scan_type": "ENHANCED",
	"rule": [{"scan_frequency": frequency, "repository_filter": [{"filter": filter, "filter_type": "WILDCARD"}]}],
})

test_pass_scan_on_push if {
	count(check.deny) == 0 with data.facts as testing.facts([repo("payments-api", true)])
}

test_fail_no_scanning if {
	check.deny == {{
		"msg": "ECR repository does not scan images for vulnerabilities: scan_on_push is off and no registry scanning rule or Inspector covers it",
		"resource": "aws_ecr_repository.payments-api",
	}} with data.facts as testing.facts([repo("payments-api", false)])
}

test_fail_block_absent if {
	r := testing.resource("aws_ecr_repository", "worker", {"name": "acme/worker", "image_scanning_configuration": []})
	count(check.deny) == 1 with data.facts as testing.facts([r])
}

test_fail_block_left_out if {
	r := testing.resource("aws_ecr_repository", "worker", {"name": "acme/worker"})
	{f.resource | some f in check.deny} == {"aws_ecr_repository.worker"} with data.facts as testing.facts([r])
}

test_pass_unknown_scan_on_push_not_judged if {
	r := object.union(
		testing.resource("aws_ecr_repository", "worker", {"name": "acme/worker", "image_scanning_configuration": [{}]}),
		{"unknown": ["image_scanning_configuration.0.scan_on_push"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([r])
}

test_pass_registry_rule_matches if {
	count(check.deny) == 0 with data.facts as testing.facts([repo("payments-api", false), registry("CONTINUOUS_SCAN", "acme/*")])
}

test_fail_registry_rule_for_other_repositories if {
	findings := check.deny with data.facts as testing.facts([repo("payments-api", false), registry("CONTINUOUS_SCAN", "sandbox/*")])
	count(findings) == 1
}

test_fail_manual_registry_rule if {
	count(check.deny) == 1 with data.facts as testing.facts([repo("payments-api", false), registry("MANUAL", "*")])
}

test_pass_inspector_for_ecr if {
	e := testing.resource("aws_inspector2_enabler", "this", {"account_ids": ["739275460217"], "resource_types": ["EC2", "ECR"]})
	count(check.deny) == 0 with data.facts as testing.facts([repo("payments-api", false), e])
}

test_pass_unknown_configuration_not_judged if {
	r := object.union(testing.resource("aws_ecr_repository", "worker", {"name": "acme/worker"}), {"unknown": ["image_scanning_configuration"]})
	count(check.deny) == 0 with data.facts as testing.facts([r])
}

test_pass_judges_repositories_with_a_known_configuration if {
	check.judged == {"aws_ecr_repository.payments-api"} with data.facts as testing.facts([repo("payments-api", true)])
	r := object.union(testing.resource("aws_ecr_repository", "worker", {"name": "acme/worker"}), {"unknown": ["image_scanning_configuration"]})
	count(check.judged) == 0 with data.facts as testing.facts([r])
	e := testing.resource("aws_inspector2_enabler", "this", {"resource_types": ["ECR"]})
	check.judged == {"aws_ecr_repository.worker"} with data.facts as testing.facts([r, e])
}
