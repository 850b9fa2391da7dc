package annexa.controls.c8_13.aws_rds_backup_test

import data.annexa.controls.c8_13.aws_rds_backup as check
import data.annexa.lib.testing

test_pass_fourteen_days if {
	facts := testing.facts([testing.resource("aws_db_instance", "main", {"backup_retention_period": 14})])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_seven_days_boundary if {
	facts := testing.facts([testing.resource("aws_rds_cluster", "main", {"backup_retention_period": 7})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_one_day if {
	facts := testing.facts([testing.resource("aws_db_instance", "main", {"backup_retention_period": 1})])
	findings := check.deny with data.facts as facts
	count(findings) == 1
	some f in findings
	f.msg == "automated backups are kept for 1 day(s), fewer than 7"
}

test_fail_backups_disabled_cluster if {
	facts := testing.facts([testing.resource("aws_rds_cluster", "main", {"backup_retention_period": 0})])
	count(check.deny) == 1 with data.facts as facts
}

# left out, backup_retention_period is unknown in a plan: the provider's
# default is 0 days
omitted_instance := object.union(
	testing.resource("aws_db_instance", "main", {"engine": "postgres"}),
	{"configured": ["engine"], "unknown": ["backup_retention_period"]},
)

test_fail_retention_left_out if {
	findings := check.deny with data.facts as testing.facts([omitted_instance])
	count(findings) == 1
	some f in findings
	f.details.backup_retention_period == "left out"
}

test_pass_retention_unknown_but_written if {
	written := object.union(omitted_instance, {"configured": ["backup_retention_period", "engine"]})
	count(check.deny) == 0 with data.facts as testing.facts([written])
}

test_pass_retention_no_configuration_known if {
	unknown := object.union(testing.resource("aws_db_instance", "main", {}), {"unknown": ["backup_retention_period"]})
	count(check.deny) == 0 with data.facts as testing.facts([unknown])
}

test_pass_judges_known_and_left_out_retention if {
	facts := testing.facts([testing.resource("aws_db_instance", "main", {"backup_retention_period": 14})])
	check.judged == {"aws_db_instance.main"} with data.facts as facts
	check.judged == {"aws_db_instance.main"} with data.facts as testing.facts([omitted_instance])
}

test_pass_unknown_and_replicas_not_judged if {
	unknown := object.union(testing.resource("aws_db_instance", "main", {}), {"unknown": ["backup_retention_period"]})
	replica := testing.resource("aws_db_instance", "ro", {"backup_retention_period": 0, "replicate_source_db": "main"})
	count(check.judged) == 0 with data.facts as testing.facts([unknown, replica])
}

test_pass_threshold_is_a_parameter if {
	db := testing.resource("aws_db_instance", "p", {"backup_retention_period": 3})
	count(check.deny) == 1 with data.facts as testing.facts([db])
	count(check.deny) == 0 with data.facts as object.union(testing.facts([db]), {"parameters": {"aws_rds_backup_retention_days": 3}})
}
