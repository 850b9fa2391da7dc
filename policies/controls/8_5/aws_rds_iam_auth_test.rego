package annexa.controls.c8_5.aws_rds_iam_auth_test

import data.annexa.controls.c8_5.aws_rds_iam_auth as check
import data.annexa.lib.testing

db(attrs) := testing.resource("aws_db_instance", "main", object.union({"engine": "postgres"}, attrs))

test_pass_iam_auth_on if {
	facts := testing.facts([db({"iam_database_authentication_enabled": true})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_db_instance.main"} with data.facts as facts
}

test_fail_off if {
	check.deny == {{
		"msg": "RDS DB instance does not accept IAM database authentication (iam_database_authentication_enabled is false)",
		"resource": "aws_db_instance.main",
	}} with data.facts as testing.facts([db({"iam_database_authentication_enabled": false})])
}

test_fail_left_out_cluster if {
	c := object.union(testing.resource("aws_rds_cluster", "aurora", {"engine": "aurora-postgresql"}), {"configured": ["engine"]})
	findings := check.deny with data.facts as testing.facts([c])
	some f in findings
	contains(f.msg, "left out")
}

test_pass_unsupported_engine_and_replica_not_judged if {
	sql := db({"engine": "sqlserver-se", "iam_database_authentication_enabled": false})
	replica := testing.resource("aws_db_instance", "r", {"replicate_source_db": "main", "iam_database_authentication_enabled": false})
	count(check.deny) == 0 with data.facts as testing.facts([sql, replica])
	count(check.judged) == 0 with data.facts as testing.facts([sql, replica])
}

test_pass_engines_without_iam_auth_not_judged if {
	instances := [testing.resource("aws_db_instance", e, {"engine": e, "iam_database_authentication_enabled": false}) |
		some e in ["oracle-ee", "oracle-se2-cdb", "sqlserver-ex", "db2-se", "custom-oracle-ee", "custom-sqlserver-se"]
	]
	count(check.deny) == 0 with data.facts as testing.facts(instances)
	count(check.judged) == 0 with data.facts as testing.facts(instances)
}

test_fail_supported_engines if {
	instances := [testing.resource("aws_db_instance", e, {"engine": e, "iam_database_authentication_enabled": false}) |
		some e in ["mysql", "postgres", "aurora-mysql", "aurora-postgresql", "aurora"]
	]
	count(check.deny) == 5 with data.facts as testing.facts(instances)
}

maria(name, v) := testing.resource("aws_db_instance", name, {"engine": "mariadb", "engine_version": v, "iam_database_authentication_enabled": false})

test_fail_mariadb_from_10_11_only if {
	facts := testing.facts([maria("m1011", "10.11.9"), maria("m114", "11.4"), maria("m106", "10.6.19"), maria("m105", "10.5")])
	{f.resource | some f in check.deny} == {"aws_db_instance.m1011", "aws_db_instance.m114"} with data.facts as facts
	check.judged == {"aws_db_instance.m1011", "aws_db_instance.m114"} with data.facts as facts
}

test_pass_mariadb_version_unknown_or_left_out_not_judged if {
	unknown := object.union(
		testing.resource("aws_db_instance", "shop", {"engine": "mariadb"}),
		{"configured": ["engine", "engine_version"], "unknown": ["engine_version"]},
	)
	left_out := object.union(testing.resource("aws_db_instance", "forum", {"engine": "mariadb"}), {"configured": ["engine"]})
	count(check.deny) == 0 with data.facts as testing.facts([unknown, left_out])
	count(check.judged) == 0 with data.facts as testing.facts([unknown, left_out])
}

test_pass_engine_unknown_not_judged if {
	later := object.union(testing.resource("aws_db_instance", "x", {"iam_database_authentication_enabled": false}), {"unknown": ["engine"]})
	count(check.deny) == 0 with data.facts as testing.facts([later])
	count(check.judged) == 0 with data.facts as testing.facts([later])
}
