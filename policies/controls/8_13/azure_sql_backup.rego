# METADATA
# title: Azure SQL databases keep point-in-time backups for 7 days, in another region
# description: |
#   Each azurerm_mssql_database keeps its point-in-time restore backups for
#   at least 7 days (short_term_retention_policy.retention_days), and
#   stores them geo-redundantly (storage_account_type Geo or GeoZone, the
#   default), so a copy survives the loss of the database's region.
#   Geo-secondary replicas take their backups from the primary and are not
#   judged.
# custom:
#   controls: ["8.13"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:azurerm_mssql_database"]
#   parameters: ["azure_db_backup_retention_days"]
#   remediation: |
#     Set short_term_retention_policy { retention_days = 7 } or more (35 is
#     the maximum) and storage_account_type = "Geo" (or "GeoZone"). Where
#     data must stay in one region, record that decision as a waiver.
package annexa.controls.c8_13.azure_sql_backup

import data.annexa.lib.params
import data.annexa.lib.tf

min_retention_days := params.value("azure_db_backup_retention_days")

# Local and Zone keep backups in the database's region; LRS and ZRS are the
# same choices as provider versions before 3.0 spelled them.
single_region := {"Local", "Zone", "LRS", "ZRS"}

deny contains finding if {
	some db in tf.resources("azurerm_mssql_database")
	not secondary(db)
	problems := [msg |
		some check in ["retention", "region"]
		some msg in problem(db, check)
	]
	count(problems) > 0
	finding := {
		"msg": sprintf("SQL database %s", [concat(" and ", problems)]),
		"resource": db.id,
	}
}

problem(db, "retention") := {sprintf("keeps point-in-time backups for %d day(s), fewer than %d", [days, min_retention_days]) |
	some p in db.attributes.short_term_retention_policy
	days := p.retention_days
	is_number(days)
	days < min_retention_days
}

problem(db, "region") := {sprintf("stores its backups in its own region only (storage_account_type %s)", [t]) |
	t := db.attributes.storage_account_type
	t in single_region
}

secondary(db) if db.attributes.create_mode in {"Secondary", "OnlineSecondary"}

# judged are the databases, secondaries aside, whose backup retention or
# backup storage redundancy is known.
judged contains db.id if {
	some db in tf.resources("azurerm_mssql_database")
	not secondary(db)
	decided(db)
}

decided(db) if {
	some p in db.attributes.short_term_retention_policy
	is_number(p.retention_days)
}

decided(db) if is_string(db.attributes.storage_account_type)
