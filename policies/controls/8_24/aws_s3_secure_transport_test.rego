package annexa.controls.c8_24.aws_s3_secure_transport_test

import data.annexa.controls.c8_24.aws_s3_secure_transport as check
import data.annexa.lib.testing

bucket := testing.resource("aws_s3_bucket", "data", {"bucket": "acme-data"})

deny_http := {
	"Sid": "DenyPlainHTTP",
	"Effect": "Deny",
	"Principal": "*",
	"Action": "s3:*",
	"Resource": ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"],
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

policy(statements) := testing.with_refs(
	testing.resource("aws_s3_bucket_policy", "data", {"policy": json.marshal({"Version": "2012-10-17", "Statement": statements})}),
	{"bucket": ["aws_s3_bucket.data"]},
)

test_pass_denies_http if {
	facts := testing.facts([bucket, policy([deny_http])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_s3_bucket.data"} with data.facts as facts
}

test_fail_no_policy if {
	check.deny == {{"msg": "S3 bucket has no bucket policy, so it accepts requests over plain HTTP", "resource": "aws_s3_bucket.data"}} with data.facts as testing.facts([bucket])
}

test_fail_policy_without_deny if {
	allow := object.union(deny_http, {"Effect": "Allow", "Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	findings := check.deny with data.facts as testing.facts([bucket, policy([allow])])
	{f.msg | some f in findings} == {"S3 bucket policy has no Deny statement for aws:SecureTransport = false, so the bucket accepts requests over plain HTTP"}
}

test_pass_policy_document_statement_blocks if {
	doc := testing.data_source("aws_iam_policy_document", "tls", {"statement": [{
		"effect": "Deny",
		"actions": ["s3:*"],
		"resources": ["arn:aws:s3:::acme-data/*"],
		"principals": [{"type": "AWS", "identifiers": ["*"]}],
		"condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
	}]})
	p := testing.with_refs(
		object.union(testing.resource("aws_s3_bucket_policy", "data", {}), {"unknown": ["bucket", "policy"]}),
		{"bucket": ["aws_s3_bucket.data"], "policy": ["data.aws_iam_policy_document.tls"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([bucket, doc, p])
}

test_pass_unknown_policy_not_judged if {
	p := testing.with_refs(object.union(testing.resource("aws_s3_bucket_policy", "data", {}), {"unknown": ["policy"]}), {"bucket": ["aws_s3_bucket.data"]})
	count(check.deny) == 0 with data.facts as testing.facts([bucket, p])
	count(check.judged) == 0 with data.facts as testing.facts([bucket, p])
}
