package annexa.controls.c8_13.gcp_sql_backup_test

import data.annexa.controls.c8_13.gcp_sql_backup as check
import data.annexa.lib.testing

backup(attrs) := [object.union(
	{
		"enabled": true,
		"start_time": "02:00",
		"point_in_time_recovery_enabled": true,
		"binary_log_enabled": false,
		"transaction_log_retention_days": 7,
		"backup_retention_settings": [{"retained_backups": 14, "retention_unit": "COUNT"}],
	},
	attrs,
)]

instance(version, cfg) := testing.resource("google_sql_database_instance", "main", {
	"database_version": version,
	"master_instance_name": null,
	"settings": [{"tier": "db-custom-2-7680", "backup_configuration": cfg}],
})

test_pass_postgres_backups_pitr if {
	count(check.deny) == 0 with data.facts as testing.facts([instance("POSTGRES_16", backup({}))])
}

test_pass_mysql_binary_log if {
	i := instance("MYSQL_8_0", backup({"point_in_time_recovery_enabled": false, "binary_log_enabled": true}))
	count(check.deny) == 0 with data.facts as testing.facts([i])
}

test_fail_no_backup_configuration if {
	check.deny == {{
		"msg": "Cloud SQL instance has automated backups off",
		"resource": "google_sql_database_instance.main",
	}} with data.facts as testing.facts([instance("POSTGRES_16", [])])
}

test_fail_backups_disabled if {
	i := instance("MYSQL_8_0", backup({"enabled": false}))
	findings := check.deny with data.facts as testing.facts([i])
	{f.msg | some f in findings} == {"Cloud SQL instance has automated backups off"}
}

test_fail_mysql_without_binary_log_few_backups if {
	i := instance("MYSQL_8_0", backup({"backup_retention_settings": [{"retained_backups": 3, "retention_unit": "COUNT"}]}))
	findings := check.deny with data.facts as testing.facts([i])
	{f.msg | some f in findings} == {"Cloud SQL instance has point-in-time recovery off and keeps 3 backup(s), fewer than 7"}
}

test_pass_seven_backups_boundary if {
	i := instance("POSTGRES_16", backup({"backup_retention_settings": [{"retained_backups": 7, "retention_unit": "COUNT"}]}))
	count(check.deny) == 0 with data.facts as testing.facts([i])
}

test_pass_replica_not_judged if {
	i := testing.resource("google_sql_database_instance", "replica", {
		"database_version": "POSTGRES_16",
		"master_instance_name": "acme-analytics-pg",
		"settings": [{"backup_configuration": []}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([i])
}

test_pass_unknown_backup_configuration_not_judged if {
	i := testing.resource("google_sql_database_instance", "main", {"database_version": "POSTGRES_16", "settings": [{"tier": "db-f1-micro"}]})
	count(check.deny) == 0 with data.facts as testing.facts([i])
}

# settings written without backup_configuration: unknown in a plan, and
# Cloud SQL takes no automated backups
left_out_backups := object.union(
	testing.resource("google_sql_database_instance", "omitted", {"database_version": "POSTGRES_16", "settings": [{"tier": "db-f1-micro"}]}),
	{"configured": ["database_version", "settings"], "unknown": ["settings.0.backup_configuration"]},
)

test_fail_backup_configuration_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_backups])
	some f in findings
	contains(f.msg, "leaves backup_configuration out")
}

test_pass_backup_configuration_configuration_unsaid if {
	unsaid := object.remove(left_out_backups, ["configured"])
	count(check.deny) == 0 with data.facts as testing.facts([unsaid])
}

test_pass_judges_known_and_left_out_configuration if {
	check.judged == {"google_sql_database_instance.main"} with data.facts as testing.facts([instance("POSTGRES_16", backup({}))])
	check.judged == {"google_sql_database_instance.omitted"} with data.facts as testing.facts([left_out_backups])
}

test_pass_replica_and_unknown_not_judged if {
	replica := testing.resource("google_sql_database_instance", "replica", {"database_version": "POSTGRES_16", "master_instance_name": "pg", "settings": [{"backup_configuration": []}]})
	unknown := testing.resource("google_sql_database_instance", "main", {"database_version": "POSTGRES_16", "settings": [{"tier": "db-f1-micro"}]})
	count(check.judged) == 0 with data.facts as testing.facts([replica, unknown])
}

test_fail_enabled_left_out_in_written_block if {
	i := instance("POSTGRES_16", [{"point_in_time_recovery_enabled": true}])
	findings := check.deny with data.facts as testing.facts([i])
	{f.msg | some f in findings} == {"Cloud SQL instance has automated backups off"}
}

test_fail_pitr_left_out if {
	i := instance("POSTGRES_16", [{"enabled": true}])
	findings := check.deny with data.facts as testing.facts([i])
	{f.msg | some f in findings} == {"Cloud SQL instance has point-in-time recovery off"}
}

test_pass_unknown_enabled_counts_as_on if {
	i := object.union(
		instance("POSTGRES_16", [{"point_in_time_recovery_enabled": true}]),
		{"unknown": ["settings.0.backup_configuration.0.enabled"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([i])
}

test_fail_retention_parameter if {
	i := instance("POSTGRES_16", backup({}))
	findings := check.deny with data.facts as testing.facts([i]) with data.facts.parameters as {"gcp_sql_backup_min_retained": 30}
	{f.msg | some f in findings} == {"Cloud SQL instance keeps 14 backup(s), fewer than 30"}
}
