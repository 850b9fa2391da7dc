package annexa.controls.c8_24.aws_s3_encryption_test

import data.annexa.controls.c8_24.aws_s3_encryption as check
import data.annexa.lib.testing

bucket := testing.resource("aws_s3_bucket", "uploads", {"bucket": "acme-uploads"})

sse_config := testing.with_refs(
	testing.resource("aws_s3_bucket_server_side_encryption_configuration", "uploads", {"rule": [{
		"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}],
		"bucket_key_enabled": true,
	}]}),
	{"bucket": ["aws_s3_bucket.uploads"]},
)

test_pass_separate_resource_linked_by_reference if {
	count(check.deny) == 0 with data.facts as testing.facts([bucket, sse_config])
}

test_pass_separate_resource_linked_by_name if {
	existing := testing.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "id": "acme-logs"})
	cfg := testing.resource("aws_s3_bucket_server_side_encryption_configuration", "logs", {
		"bucket": "acme-logs",
		"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([existing, cfg])
}

test_pass_inline_configuration if {
	b := testing.resource("aws_s3_bucket", "old", {"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}]})
	count(check.deny) == 0 with data.facts as testing.facts([b])
}

test_fail_no_configuration if {
	findings := check.deny with data.facts as testing.facts([bucket])
	findings == {{"msg": "S3 bucket has no server-side encryption configuration", "resource": "aws_s3_bucket.uploads"}}
}

test_fail_configuration_for_another_bucket if {
	other := testing.resource("aws_s3_bucket", "other", {})
	findings := check.deny with data.facts as testing.facts([bucket, other, sse_config])
	{f.resource | some f in findings} == {"aws_s3_bucket.other"}
}

test_fail_inline_empty if {
	b := testing.resource("aws_s3_bucket", "old", {"server_side_encryption_configuration": []})
	count(check.deny) == 1 with data.facts as testing.facts([b])
}

test_pass_judges_buckets_and_configurations if {
	check.judged == {"aws_s3_bucket.uploads", "aws_s3_bucket_server_side_encryption_configuration.uploads"} with data.facts as testing.facts([bucket, sse_config])
	count(check.judged) == 0 with data.facts as testing.facts([])
}
