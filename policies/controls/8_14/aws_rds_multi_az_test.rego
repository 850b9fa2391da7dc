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

# multi_az left out: unknown in a plan (or null), the provider's default
left_out_multi_az := object.union(
	testing.resource("aws_db_instance", "omitted", {"engine": "postgres"}),
	{"configured": ["engine"], "unknown": ["multi_az"]},
)

test_fail_multi_az_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_multi_az])
	some f in findings
	contains(f.msg, "is not Multi-AZ")
}

test_pass_multi_az_written_but_unknown if {
	written := object.union(left_out_multi_az, {"configured": ["engine", "multi_az"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "is not Multi-AZ")
	}
}

test_pass_multi_az_configuration_unsaid if {
	unsaid := object.remove(left_out_multi_az, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "is not Multi-AZ")
	}
}

test_pass_judges_known_and_left_out if {
	check.judged == {"aws_db_instance.main"} with data.facts as testing.facts([testing.resource("aws_db_instance", "main", {"multi_az": true})])
	check.judged == {"aws_db_instance.omitted"} with data.facts as testing.facts([left_out_multi_az])
}

test_pass_unknown_and_replicas_not_judged if {
	u := object.union(testing.resource("aws_db_instance", "main", {}), {"unknown": ["multi_az"]})
	ro := testing.resource("aws_db_instance", "ro", {"multi_az": false, "replicate_source_db": "main"})
	count(check.judged) == 0 with data.facts as testing.facts([u, ro])
}
