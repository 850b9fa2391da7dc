package annexa.controls.c8_6.aws_rds_storage_autoscaling_test

import data.annexa.controls.c8_6.aws_rds_storage_autoscaling as check
import data.annexa.lib.testing

db(max) := testing.resource("aws_db_instance", "main", {"engine": "postgres", "allocated_storage": 100, "max_allocated_storage": max})

test_pass_autoscaling if {
	count(check.deny) == 0 with data.facts as testing.facts([db(500)])
}

test_fail_not_set if {
	check.deny == {{
		"msg": "RDS DB instance has storage autoscaling off: it stops at its 100 GiB",
		"resource": "aws_db_instance.main",
	}} with data.facts as testing.facts([db(null)])
}

test_fail_left_out if {
	d := testing.resource("aws_db_instance", "main", {"engine": "postgres", "allocated_storage": 100})
	{f.resource | some f in check.deny} == {"aws_db_instance.main"} with data.facts as testing.facts([d])
}

test_fail_zero_or_equal if {
	count(check.deny) == 1 with data.facts as testing.facts([db(0)])
	count(check.deny) == 1 with data.facts as testing.facts([db(100)])
}

test_pass_aurora_and_unknown_not_judged if {
	aurora := testing.resource("aws_db_instance", "a", {"engine": "aurora-postgresql", "allocated_storage": 1, "max_allocated_storage": null})
	unknown := object.union(testing.resource("aws_db_instance", "u", {"engine": "mysql", "allocated_storage": 20}), {"unknown": ["max_allocated_storage"]})
	count(check.deny) == 0 with data.facts as testing.facts([aurora, unknown])
}

test_pass_judges_instances_with_known_storage if {
	check.judged == {"aws_db_instance.main"} with data.facts as testing.facts([db(500)])
}

test_pass_aurora_and_unknown_judge_nothing if {
	aurora := testing.resource("aws_db_instance", "a", {"engine": "aurora-postgresql", "allocated_storage": 1, "max_allocated_storage": null})
	unknown := object.union(testing.resource("aws_db_instance", "u", {"engine": "mysql", "allocated_storage": 20}), {"unknown": ["max_allocated_storage"]})
	count(check.judged) == 0 with data.facts as testing.facts([aurora, unknown])
}
