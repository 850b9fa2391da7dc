package annexa.controls.c8_14.aws_rds_multi_az_test

import data.annexa.controls.c8_14.aws_rds_multi_az as check
import data.annexa.lib.testing

test_pass_multi_az if {
	facts := testing.facts([testing.resource("aws_db_instance", "main", {"multi_az": true})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_single_az if {
	facts := testing.facts([testing.resource("aws_db_instance", "main", {"multi_az": false})])
	check.deny == {{"msg": "RDS DB instance is not Multi-AZ", "resource": "aws_db_instance.main"}} with data.facts as facts
}
