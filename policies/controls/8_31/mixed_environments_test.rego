package annexa.controls.c8_31.mixed_environments_test

import data.annexa.controls.c8_31.mixed_environments as check
import data.annexa.lib.testing

aws(t, name, env) := testing.resource(t, name, {"tags_all": {"Environment": env, "Name": name}})

test_pass_production_only if {
	facts := testing.facts([aws("aws_db_instance", "main", "prod"), aws("aws_s3_bucket", "logs", "Production"), testing.resource("aws_iam_account_password_policy", "p", {})])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_staging_only if {
	facts := testing.facts([aws("aws_db_instance", "main", "staging"), aws("aws_instance", "box", "dev")])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_dev_next_to_prod if {
	facts := testing.facts([aws("aws_db_instance", "main", "prod"), aws("aws_s3_bucket", "logs", "prod"), aws("aws_instance", "sandbox", "Dev")])
	check.deny == {{
		"msg": "aws_instance.sandbox is tagged as environment Dev, but the same configuration also deploys production resources (aws_db_instance.main and 1 more); non-production belongs in its own state and account",
		"resource": "aws_instance.sandbox",
		"details": {"environment": "Dev", "production_resources": 2},
	}} with data.facts as facts
}

test_fail_azure_and_gcp_labels if {
	facts := testing.facts([
		testing.resource("azurerm_mssql_database", "ledger", {"tags": {"env": "prd"}}),
		testing.resource("azurerm_mssql_database", "ledger_uat", {"tags": {"env": "UAT"}}),
		testing.resource("google_storage_bucket", "test", {"effective_labels": {"environment": "test"}}),
	])
	{f.resource | some f in check.deny} == {"azurerm_mssql_database.ledger_uat", "google_storage_bucket.test"} with data.facts as facts
}

test_pass_gcp_separate_projects if {
	facts := testing.facts([
		testing.resource("google_storage_bucket", "prod", {"project": "acme-prod", "effective_labels": {"env": "prod"}}),
		testing.resource("google_storage_bucket", "dev", {"project": "acme-dev", "effective_labels": {"env": "dev"}}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_gcp_same_project if {
	facts := testing.facts([
		testing.resource("google_storage_bucket", "prod", {"project": "acme-prod", "effective_labels": {"env": "prod"}}),
		testing.resource("google_storage_bucket", "dev", {"project": "acme-prod", "effective_labels": {"env": "dev"}}),
	])
	count(check.deny) == 1 with data.facts as facts
}

test_pass_untagged_not_judged if {
	facts := testing.facts([aws("aws_db_instance", "main", "prod"), testing.resource("aws_instance", "box", {"tags_all": {"Owner": "dev-team"}})])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_judges_tagged_resources if {
	facts := testing.facts([aws("aws_db_instance", "main", "prod"), aws("aws_instance", "box", "shared"), testing.resource("aws_iam_account_password_policy", "p", {})])
	check.judged == {"aws_db_instance.main"} with data.facts as facts
}

test_pass_untagged_resources_not_judged if {
	facts := testing.facts([
		testing.resource("aws_instance", "box", {"tags_all": {"Owner": "dev-team"}}),
		testing.resource("aws_s3_bucket", "logs", {"tags_all": {}}),
		testing.resource("google_storage_bucket", "b", {"labels": {}}),
	])
	count(check.judged) == 0 with data.facts as facts
	count(check.deny) == 0 with data.facts as facts
}

test_fail_environment_key_spellings if {
	facts := testing.facts([
		testing.resource("google_sql_database_instance", "db", {"settings": [{"user_labels": {"deployment-environment": "live"}}]}),
		testing.resource("aws_instance", "a", {"tags": {"ENV": 3, "Stage": "qa"}}),
		testing.resource("aws_instance", "b", {"tags_all": {"env": "uat", "environment": "prod"}, "tags": {"env": "dev"}}),
	])
	{[f.resource, f.details.environment] | some f in check.deny} == {["aws_instance.a", "qa"]} with data.facts as facts
}
