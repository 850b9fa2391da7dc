package annexa.lib.params

# Azure thresholds. Numbering follows the CIS Microsoft Azure Foundations
# Benchmark v3.0.0 (docs/cis/azure.md).

defaults["azure_sql_audit_retention_days"] := {
	"default": 90,
	"description": "Fewest days an Azure SQL server auditing policy that writes to storage keeps its records (0, forever, always passes).",
	"source": "CIS Azure Foundations 3.0.0 5.1.6",
}

defaults["azure_db_backup_retention_days"] := {
	"default": 7,
	"description": "Fewest days Azure SQL databases and PostgreSQL/MySQL servers keep point-in-time backups.",
	"source": "Azure's own minimum for SQL Database and flexible servers (7 days); CIS Azure Foundations 3.0.0 has no backup-days recommendation",
}

defaults["azure_vm_backup_daily_retention"] := {
	"default": 7,
	"description": "Fewest daily recovery points an Azure VM backup policy (retention_daily.count) keeps.",
	"source": "Azure Backup's default daily retention policy; CIS Azure Foundations 3.0.0 has no backup-days recommendation",
}

defaults["azure_storage_soft_delete_days"] := {
	"default": 7,
	"description": "Fewest days an Azure storage account keeps deleted blobs and containers (soft delete).",
	"source": "CIS Azure Foundations 3.0.0 4.10",
}

defaults["azure_db_allow_azure_services"] := {
	"default": false,
	"description": "Whether a database firewall rule 0.0.0.0-0.0.0.0 (\"allow Azure services\", which admits every Azure tenant's services) is accepted.",
	"source": "CIS Azure Foundations 3.0.0 5.1.2, 5.2.5",
}

defaults["azure_activity_log_categories"] := {
	"default": ["Administrative", "Alert", "Policy", "Security"],
	"description": "Activity log categories a subscription diagnostic setting (or legacy log profile) must export.",
	"source": "CIS Azure Foundations 3.0.0 6.1.2",
}

defaults["azure_activity_log_retention_days"] := {
	"default": 365,
	"description": "Fewest days a legacy azurerm_monitor_log_profile keeps the activity log (0, forever, always passes).",
	"source": "CIS Azure Foundations 1.5.0 5.1.3 (log profile retention 365 days; log profiles are retired in 3.0.0)",
}
