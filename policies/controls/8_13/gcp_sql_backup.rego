# METADATA
# title: Cloud SQL instances take daily backups with point-in-time recovery
# description: |
#   Every primary Cloud SQL instance has automated backups on
#   (settings.backup_configuration.enabled), point-in-time recovery on
#   (point_in_time_recovery_enabled for PostgreSQL and SQL Server,
#   binary_log_enabled for MySQL) and keeps at least 7 backups
#   (backup_retention_settings.retained_backups). Read replicas cannot
#   take backups and are not judged.
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:google_sql_database_instance"]
#   remediation: |
#     In settings, add backup_configuration { enabled = true,
#     point_in_time_recovery_enabled = true (binary_log_enabled = true for
#     MySQL), backup_retention_settings { retained_backups = 7 } } or more.
package annexa.controls.c8_13.gcp_sql_backup

import data.annexa.lib.tf

min_retained := 7

deny contains finding if {
	some i in tf.resources("google_sql_database_instance")
	not replica(i)
	some s in i.attributes.settings
	is_array(s.backup_configuration)
	problems := weaknesses(i, s)
	count(problems) > 0
	finding := {
		"msg": sprintf("Cloud SQL instance %s", [concat(" and ", problems)]),
		"resource": i.id,
	}
}

# Left out, backup_configuration is Google's to decide (unknown in a plan,
# as settings.N.backup_configuration), and Cloud SQL takes no automated
# backups.
deny contains finding if {
	some i in tf.resources("google_sql_database_instance")
	not replica(i)
	some n, s in i.attributes.settings
	not is_array(object.get(s, "backup_configuration", null))
	tf.is_unknown(i, sprintf("settings.%d.backup_configuration", [n]))

	# the settings block is written and the whole backup_configuration in it
	# unknown: no backup_configuration block was written in it
	tf.written(i, "settings")
	finding := {
		"msg": sprintf("Cloud SQL instance %s", ["leaves backup_configuration out, so it has automated backups off"]),
		"resource": i.id,
	}
}

weaknesses(i, s) := ["has automated backups off"] if {
	not backups_on(s)
} else := array.concat(
	["has point-in-time recovery off" | not pitr_on(i, s)],
	[sprintf("keeps %d backup(s), fewer than %d", [n, min_retained]) |
		some b in s.backup_configuration
		some r in b.backup_retention_settings
		n := r.retained_backups
		is_number(n)
		n < min_retained
	],
)

# backups_on is false for an empty block list (no backup_configuration
# written) or enabled = false. Values known only after apply count as on,
# here and in pitr_on.
backups_on(s) if {
	some b in s.backup_configuration
	object.get(b, "enabled", true) != false
}

pitr_on(i, s) if {
	is_string(i.attributes.database_version)
	startswith(i.attributes.database_version, "MYSQL")
	some b in s.backup_configuration
	object.get(b, "binary_log_enabled", true) != false
}

pitr_on(i, s) if {
	is_string(i.attributes.database_version)
	not startswith(i.attributes.database_version, "MYSQL")
	some b in s.backup_configuration
	object.get(b, "point_in_time_recovery_enabled", true) != false
}

replica(i) if {
	is_string(i.attributes.master_instance_name)
	i.attributes.master_instance_name != ""
}

replica(i) if i.attributes.instance_type == "READ_REPLICA_INSTANCE"

# judged are the instances, replicas aside, whose backup configuration is
# known or left out to Google's default.
judged contains i.id if {
	some i in tf.resources("google_sql_database_instance")
	not replica(i)
	some s in i.attributes.settings
	is_array(s.backup_configuration)
}

judged contains i.id if {
	some i in tf.resources("google_sql_database_instance")
	not replica(i)
	some n, s in i.attributes.settings
	not is_array(object.get(s, "backup_configuration", null))
	tf.is_unknown(i, sprintf("settings.%d.backup_configuration", [n]))
	tf.written(i, "settings")
}
