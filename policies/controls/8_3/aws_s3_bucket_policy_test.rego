package annexa.controls.c8_3.aws_s3_bucket_policy_test

import data.annexa.controls.c8_3.aws_s3_bucket_policy as check
import data.annexa.lib.testing

bucket_policy(doc) := testing.resource("aws_s3_bucket_policy", "site", {"bucket": "acme-site", "policy": json.marshal(doc)})

statement(principal, extra) := object.union({"Effect": "Allow", "Principal": principal, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-site/*"}, extra)

test_pass_named_principal if {
	facts := testing.facts([bucket_policy({"Version": "2012-10-17", "Statement": [statement({"AWS": "arn:aws:iam::111122223333:role/app"}, {})]})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_s3_bucket_policy.site"} with data.facts as facts
}

test_pass_public_principal_with_restricting_condition if {
	s := statement({"Service": "cloudfront.amazonaws.com"}, {})
	s2 := statement("*", {"Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}})
	count(check.deny) == 0 with data.facts as testing.facts([bucket_policy({"Statement": [s, s2]})])
}

test_fail_public_principal if {
	findings := check.deny with data.facts as testing.facts([bucket_policy({"Statement": [statement("*", {"Sid": "Public"})]})])
	{f.msg | some f in findings} == {"bucket policy allows s3:GetObject to everyone (Principal \"*\") without a condition that restricts who (statement Public)"}
}

test_fail_aws_star_with_unrelated_condition if {
	s := statement({"AWS": ["*"]}, {"Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	count(check.deny) == 1 with data.facts as testing.facts([bucket_policy({"Statement": s})])
}

test_fail_policy_document_data_source if {
	doc := testing.data_source("aws_iam_policy_document", "public", {"statement": [{
		"actions": ["s3:GetObject"],
		"resources": ["arn:aws:s3:::acme-site/*"],
		"principals": [{"type": "*", "identifiers": ["*"]}],
	}]})
	p := testing.with_refs(object.union(testing.resource("aws_s3_bucket_policy", "site", {"bucket": "acme-site"}), {"unknown": ["policy"]}), {"policy": ["data.aws_iam_policy_document.public"]})
	count(check.deny) == 1 with data.facts as testing.facts([doc, p])
	check.judged == {"aws_s3_bucket_policy.site"} with data.facts as testing.facts([doc, p])
}

test_pass_unknown_policy_not_judged if {
	p := object.union(testing.resource("aws_s3_bucket_policy", "site", {"bucket": "acme-site"}), {"unknown": ["policy"]})
	count(check.deny) == 0 with data.facts as testing.facts([p])
	count(check.judged) == 0 with data.facts as testing.facts([p])
}

test_pass_public_principal_with_each_restricting_key if {
	conditions := [
		{"StringEquals": {"aws:SourceVpc": "vpc-1"}},
		{"StringEquals": {"aws:SourceAccount": 111122223333}},
		{"StringEquals": {"aws:PrincipalAccount": "111122223333"}},
		{"ForAnyValue:StringEquals": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main"}},
		{"StringEqualsIgnoreCase": {"aws:sourcevpce": "vpce-1"}},
	]
	every c in conditions {
		facts := testing.facts([bucket_policy({"Statement": [statement("*", {"Condition": c})]})])
		count(check.deny) == 0 with data.facts as facts
		check.judged == {"aws_s3_bucket_policy.site"} with data.facts as facts
	}
}

test_fail_public_principal_with_condition_that_restricts_nothing if {
	conditions := [
		{"StringNotEquals": {"aws:SourceVpce": "vpce-1"}},
		{"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}},
		{"StringEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}},
		{"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
		{"Null": {"aws:SourceVpce": "false"}},
		{"StringEquals": {"aws:SourceAccount": "*"}},
	]
	every c in conditions {
		count(check.deny) == 1 with data.facts as testing.facts([bucket_policy({"Statement": [statement("*", {"Condition": c})]})])
	}
}

document_with_condition(condition) := testing.data_source("aws_iam_policy_document", "scoped", {"statement": [{
	"actions": ["s3:PutObject"],
	"resources": ["arn:aws:s3:::acme-site/*"],
	"principals": [{"type": "AWS", "identifiers": ["*"]}],
	"condition": [condition],
}]})

referring_policy := testing.with_refs(
	object.union(testing.resource("aws_s3_bucket_policy", "site", {"bucket": "acme-site"}), {"unknown": ["policy"]}),
	{"policy": ["data.aws_iam_policy_document.scoped"]},
)

test_pass_document_condition_value_known_after_apply if {
	# values = [data.aws_caller_identity.current.account_id] in source
	doc := document_with_condition({"test": "StringEquals", "variable": "aws:SourceAccount", "values": [null]})
	facts := testing.facts([doc, referring_policy])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_s3_bucket_policy.site"} with data.facts as facts
}

test_fail_document_negated_condition_value_known_after_apply if {
	doc := document_with_condition({"test": "StringNotEquals", "variable": "aws:SourceVpce", "values": [null]})
	count(check.deny) == 1 with data.facts as testing.facts([doc, referring_policy])
}

test_fail_condition_values_that_match_every_caller if {
	# a wildcard account in an ARN pattern, the whole address space or a
	# bare "*" narrows nothing: any AWS account can satisfy it
	every cond in [
		{"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::*"}},
		{"ArnLike": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/app", "arn:aws:iam::*:role/app"]}},
		{"ArnLike": {"aws:SourceArn": "arn:*"}},
		{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}},
		{"StringLike": {"aws:SourceAccount": "*"}},
	] {
		s := statement("*", {"Condition": cond})
		count(check.deny) == 1 with data.facts as testing.facts([bucket_policy({"Statement": [s]})])
	}
}

test_pass_condition_values_that_narrow if {
	every cond in [
		{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/*"}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:alerts"}},
		{"StringEquals": {"aws:VpceAccount": "111122223333"}},
		{"StringEquals": {"aws:VpceOrgID": "o-a1b2c3d4e5"}},
	] {
		s := statement("*", {"Condition": cond})
		count(check.deny) == 0 with data.facts as testing.facts([bucket_policy({"Statement": [s]})])
	}
}
