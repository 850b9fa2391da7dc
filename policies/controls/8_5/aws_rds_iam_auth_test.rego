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
