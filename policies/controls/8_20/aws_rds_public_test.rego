package annexa.controls.c8_20.aws_rds_public_test

import data.annexa.controls.c8_20.aws_rds_public as check
import data.annexa.lib.testing

db(attrs) := testing.resource("aws_db_instance", "main", object.union({"identifier": "orders", "engine": "postgres"}, attrs))

test_pass_private if {
	facts := testing.facts([db({"publicly_accessible": false})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_db_instance.main"} with data.facts as facts
}

test_pass_left_out_is_private if {
	d := object.union(db({}), {"configured": ["engine", "identifier"]})
	count(check.deny) == 0 with data.facts as testing.facts([d])
	check.judged == {"aws_db_instance.main"} with data.facts as testing.facts([d])
}

test_fail_public_instance if {
	check.deny == {{"msg": "RDS DB instance orders is publicly accessible from the internet", "resource": "aws_db_instance.main"}} with data.facts as testing.facts([db({"publicly_accessible": true})])
}

test_fail_public_cluster_instance if {
	i := testing.resource("aws_rds_cluster_instance", "a", {"publicly_accessible": true})
	count(check.deny) == 1 with data.facts as testing.facts([i])
}

test_pass_unknown_not_judged if {
	d := object.union(db({}), {"configured": ["engine", "identifier", "publicly_accessible"], "unknown": ["publicly_accessible"]})
	count(check.judged) == 0 with data.facts as testing.facts([d])
}
