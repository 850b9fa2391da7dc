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
