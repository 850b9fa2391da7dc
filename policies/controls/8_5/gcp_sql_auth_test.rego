package annexa.controls.c8_5.gcp_sql_auth_test

import data.annexa.controls.c8_5.gcp_sql_auth as check
import data.annexa.lib.testing

strong := [{
	"enable_password_policy": true,
	"min_length": 14,
	"complexity": "COMPLEXITY_DEFAULT",
	"disallow_username_substring": true,
	"reuse_interval": 0,
}]

instance(version, flags, policy) := testing.resource("google_sql_database_instance", "main", {
	"database_version": version,
	"settings": [{"tier": "db-custom-2-7680", "database_flags": flags, "password_validation_policy": policy}],
})

test_pass_postgres_iam_and_policy if {
	i := instance("POSTGRES_16", [{"name": "cloudsql.iam_authentication", "value": "on"}], strong)
	count(check.deny) == 0 with data.facts as testing.facts([i])
}

test_pass_mysql_iam_and_policy if {
	i := instance("MYSQL_8_0", [{"name": "cloudsql_iam_authentication", "value": "on"}], strong)
	count(check.deny) == 0 with data.facts as testing.facts([i])
}

test_fail_mysql_with_postgres_flag_name if {
	i := instance("MYSQL_8_0", [{"name": "cloudsql.iam_authentication", "value": "on"}], strong)
	check.deny == {{
		"msg": "Cloud SQL instance has IAM database authentication off (flag cloudsql_iam_authentication is not on), so people sign in with database passwords",
		"resource": "google_sql_database_instance.main",
	}} with data.facts as testing.facts([i])
}

test_fail_flag_off_and_no_policy if {
	i := instance("POSTGRES_15", [{"name": "cloudsql.iam_authentication", "value": "off"}], [])
	findings := check.deny with data.facts as testing.facts([i])
	count(findings) == 2
	some f in findings
	f.details.weaknesses == ["there is no password validation policy"]
}

test_fail_weak_policy if {
	weak := [object.union(strong[0], {"min_length": 8, "complexity": "COMPLEXITY_UNSPECIFIED"})]
	i := instance("POSTGRES_16", [{"name": "cloudsql.iam_authentication", "value": "on"}], weak)
	findings := check.deny with data.facts as testing.facts([i])
	{f.msg | some f in findings} == {"Cloud SQL instance does not hold built-in user passwords to a policy: complexity is not required; the minimum length is under 14 characters"}
}

test_fail_policy_disabled if {
	off := [object.union(strong[0], {"enable_password_policy": false})]
	i := instance("POSTGRES_16", [{"name": "cloudsql.iam_authentication", "value": "on"}], off)
	findings := check.deny with data.facts as testing.facts([i])
	{f.details.weaknesses | some f in findings} == {["the password validation policy is not enabled"]}
}

test_pass_sql_server_not_judged if {
	i := instance("SQLSERVER_2022_STANDARD", [], [])
	count(check.deny) == 0 with data.facts as testing.facts([i])
}

test_pass_unknown_settings_not_judged if {
	i := object.union(testing.resource("google_sql_database_instance", "main", {"database_version": "POSTGRES_16"}), {"unknown": ["settings"]})
	count(check.deny) == 0 with data.facts as testing.facts([i])
}

test_pass_judges_postgres_and_mysql if {
	i := instance("POSTGRES_16", [{"name": "cloudsql.iam_authentication", "value": "on"}], strong)
	check.judged == {"google_sql_database_instance.main"} with data.facts as testing.facts([i])
}

test_pass_sql_server_and_unknown_settings_not_judged if {
	count(check.judged) == 0 with data.facts as testing.facts([instance("SQLSERVER_2022_STANDARD", [], [])])
	i := object.union(testing.resource("google_sql_database_instance", "main", {"database_version": "POSTGRES_16"}), {"unknown": ["settings"]})
	count(check.judged) == 0 with data.facts as testing.facts([i])
}
