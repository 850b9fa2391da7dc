# METADATA
# title: Cloud SQL instances take daily backups with point-in-time recovery
# description: |
#   Every primary Cloud SQL instance has automated backups on
#   (settings.backup_configuration.enabled), point-in-time recovery on
#   (point_in_time_recovery_enabled for PostgreSQL and SQL Server,
#   binary_log_enabled for MySQL) and keeps at least
#   gcp_sql_backup_min_retained backups (7 by default;
#   backup_retention_settings.retained_backups) (CIS GCP 3.0.0 6.7). A
#   setting left out of a written backup_configuration block holds the
#   provider's default, false for enabled, point_in_time_recovery_enabled
#   and binary_log_enabled, so it is a finding; a value known only after
#   apply counts as on. A backup_configuration block left out entirely is
#   computed by the provider and Cloud SQL takes no automated backups: a
#   finding. Read replicas cannot take backups and are not judged.
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:google_sql_database_instance"]
#   parameters: ["gcp_sql_backup_min_retained"]
#   remediation: |
#     In settings, add backup_configuration { enabled = true,
#     point_in_time_recovery_enabled = true (binary_log_enabled = true for
#     MySQL), backup_retention_settings { retained_backups = 7 } } or more.
package annexa.controls.c8_13.gcp_sql_backup

import data.annexa.lib.gcp
import data.annexa.lib.params
import data.annexa.lib.tf

min_retained := params.value("gcp_sql_backup_min_retained")

deny contains finding if {
	some i in tf.resources("google_sql_database_instance")
	not replica(i)
	some n, s in i.attributes.settings
	is_array(s.backup_configuration)
	problems := weaknesses(i, n, s)
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

weaknesses(i, n, s) := ["has automated backups off"] if {
	not backups_on(i, n, s)
} else := array.concat(
	["has point-in-time recovery off" | not pitr_on(i, n, s)],
	[sprintf("keeps %d backup(s), fewer than %d", [r.retained_backups, min_retained]) |
		some b in s.backup_configuration
		some r in object.get(b, "backup_retention_settings", [])
		is_number(r.retained_backups)
		r.retained_backups < min_retained
	],
)

# on is the value of boolean key of the m-th backup_configuration block of
# the n-th settings block: written, true when only known after apply, else
# the provider's default of false.
on(i, n, m, b, key) := gcp.block_bool(i, sprintf("settings.%d.backup_configuration.%d", [n, m]), b, key, true, false)

# backups_on is false for an empty block list (no backup_configuration
# written) or enabled false or left out.
backups_on(i, n, s) if {
	some m, b in s.backup_configuration
	on(i, n, m, b, "enabled")
}

pitr_on(i, n, s) if {
	is_string(i.attributes.database_version)
	startswith(i.attributes.database_version, "MYSQL")
	some m, b in s.backup_configuration
	on(i, n, m, b, "binary_log_enabled")
}

pitr_on(i, n, s) if {
	is_string(i.attributes.database_version)
	not startswith(i.attributes.database_version, "MYSQL")
	some m, b in s.backup_configuration
	on(i, n, m, b, "point_in_time_recovery_enabled")
}

# an unknown engine cannot be held to its point-in-time recovery setting.
pitr_on(i, _, _) if not is_string(object.get(i.attributes, "database_version", null))

replica(i) if {
	is_string(i.attributes.master_instance_name)
	i.attributes.master_instance_name != ""
}

replica(i) if object.get(i.attributes, "instance_type", "") == "READ_REPLICA_INSTANCE"

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
