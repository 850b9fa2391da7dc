package annexa.controls.c8_13.aws_rds_deletion_protection_test

import data.annexa.controls.c8_13.aws_rds_deletion_protection as check
import data.annexa.lib.testing

db(attrs) := testing.resource("aws_db_instance", "main", object.union({"engine": "mysql"}, attrs))

test_pass_protected if {
	facts := testing.facts([db({"deletion_protection": true})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_db_instance.main"} with data.facts as facts
}

test_fail_unprotected if {
	check.deny == {{
		"msg": "RDS DB instance has no deletion protection (deletion_protection is false)",
		"resource": "aws_db_instance.main",
	}} with data.facts as testing.facts([db({"deletion_protection": false})])
}

test_fail_left_out if {
	c := object.union(testing.resource("aws_rds_cluster", "aurora", {"engine": "aurora-mysql", "deletion_protection": null}), {"configured": ["engine"]})
	count(check.deny) == 1 with data.facts as testing.facts([c])
}

test_pass_replica_and_unknown_not_judged if {
	replica := testing.resource("aws_db_instance", "r", {"replicate_source_db": "main", "deletion_protection": false})
	later := object.union(db({}), {"configured": ["deletion_protection", "engine"], "unknown": ["deletion_protection"]})
	count(check.deny) == 0 with data.facts as testing.facts([replica, later])
	count(check.judged) == 0 with data.facts as testing.facts([replica, later])
}
