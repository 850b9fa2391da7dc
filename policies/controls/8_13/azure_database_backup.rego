# METADATA
# title: Azure PostgreSQL and MySQL servers keep 7 days of geo-redundant backups
# description: |
#   PostgreSQL and MySQL servers (flexible servers, and the single servers
#   of provider v3) keep automated backups for at least 7 days
#   (backup_retention_days) and copy them to the paired region
#   (geo_redundant_backup_enabled = true), so a restore is possible after an
#   incident noticed late or the loss of a region. Read replicas are not
#   judged.
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_postgresql_flexible_server
#     - resource:azurerm_mysql_flexible_server
#     - resource:azurerm_postgresql_server
#     - resource:azurerm_mysql_server
#   parameters: ["azure_db_backup_retention_days"]
#   remediation: |
#     Set backup_retention_days = 7 or more (35 is the maximum) and
#     geo_redundant_backup_enabled = true; geo-redundancy can only be chosen
#     when the server is created, so plan the migration of an existing one.
package annexa.controls.c8_13.azure_database_backup

import data.annexa.lib.params
import data.annexa.lib.tf

min_retention_days := params.value("azure_db_backup_retention_days")

label := {
	"azurerm_postgresql_flexible_server": "PostgreSQL flexible server",
	"azurerm_mysql_flexible_server": "MySQL flexible server",
	"azurerm_postgresql_server": "PostgreSQL server",
	"azurerm_mysql_server": "MySQL server",
}

deny contains finding if {
	some t, name in label
	some s in tf.resources(t)
	not replica(s)
	problems := array.concat(
		[sprintf("keeps backups for %d day(s), fewer than %d", [days, min_retention_days]) |
			days := s.attributes.backup_retention_days
			is_number(days)
			days < min_retention_days
		],
		["keeps its backups in its own region only (geo_redundant_backup_enabled is false)" |
			tf.explicitly_false(s, "geo_redundant_backup_enabled")
		],
	)
	count(problems) > 0
	finding := {
		"msg": sprintf("%s %s", [name, concat(" and ", problems)]),
		"resource": s.id,
	}
}

replica(s) if s.attributes.create_mode == "Replica"

# judged are the database servers, replicas aside, whose backup retention
# or geo-redundancy is known.
judged contains s.id if {
	some t, _ in label
	some s in tf.resources(t)
	not replica(s)
	some attr in ["backup_retention_days", "geo_redundant_backup_enabled"]
	not is_null(object.get(s.attributes, attr, null))
}
