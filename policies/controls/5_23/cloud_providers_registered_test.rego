package annexa.controls.c5_23.cloud_providers_registered_test

import data.annexa.controls.c5_23.cloud_providers_registered as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("supplier_register", "SUP", {"entries": entries})

aws := {"id": "aws", "name": "Amazon Web Services EMEA SARL", "ict": true, "cloud": true}

resources := [
	testing.resource("aws_s3_bucket", "logs", {}),
	testing.resource("aws_db_instance", "main", {}),
	testing.resource("random_password", "db", {}),
	testing.resource("cloudflare_record", "www", {}),
]

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_providers_registered if {
	cloudflare := {"id": "cf", "name": "Cloudflare, Inc.", "ict": true, "cloud": true}
	deny(array.concat(resources, [register([aws, cloudflare])])) == set()
}

test_fail_provider_not_registered if {
	deny(array.concat(resources, [register([aws])])) == {{
		"msg": "the Terraform sources manage 1 cloudflare resources (e.g. cloudflare_record.www), but no cloudflare supplier is in the supplier register",
		"resource": "supplier_register/SUP",
		"details": {"provider": "cloudflare", "resources": 1, "example": "cloudflare_record.www"},
	}}
}

test_fail_provider_registered_but_not_as_cloud if {
	amazon := {"id": "amazon", "name": "Amazon Web Services", "ict": true, "cloud": false}
	fs := deny([testing.resource("aws_s3_bucket", "logs", {}), testing.resource("aws_kms_key", "k", {}), register([amazon])])
	fs == {{
		"msg": "the Terraform sources manage 2 aws resources, but the supplier register does not mark Amazon Web Services (amazon) as a cloud service (cloud: true)",
		"resource": "supplier_register/SUP#amazon",
		"details": {"provider": "aws", "resources": 2, "example": "aws_kms_key.k"},
	}}
}

test_pass_utility_providers_ignored if {
	deny([testing.resource("random_id", "x", {}), testing.resource("null_resource", "y", {}), register([])]) == set()
}

test_pass_without_register if {
	deny(resources) == set()
}

test_pass_without_resources if {
	deny([register([aws])]) == set()
}

test_fail_google_matched_by_name if {
	g := {"id": "gws", "name": "Google Cloud EMEA Ltd", "ict": true, "cloud": true}
	deny([testing.resource("google_storage_bucket", "b", {}), register([g])]) == set()
	fs := deny([testing.resource("google_storage_bucket", "b", {}), register([aws])])
	[f.details.provider | some f in fs] == ["google"]
}

test_pass_judges_the_register_against_providers if {
	check.judged == {"supplier_register/SUP"} with data.facts as testing.facts(array.concat(resources, [register([aws])])) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([register([aws])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts(resources) with data.run as run
}

test_fail_names_the_first_resource_by_id if {
	fs := deny([
		testing.resource("aws_s3_bucket", "zeta", {}),
		testing.resource("aws_s3_bucket", "alpha", {}),
		testing.resource("aws_sqs_queue", "beta", {}),
		register([]),
	])
	fs == {{
		"msg": "the Terraform sources manage 3 aws resources (e.g. aws_s3_bucket.alpha), but no aws supplier is in the supplier register",
		"resource": "supplier_register/SUP",
		"details": {"provider": "aws", "resources": 3, "example": "aws_s3_bucket.alpha"},
	}}
}
