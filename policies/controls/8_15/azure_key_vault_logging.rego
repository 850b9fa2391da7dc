# METADATA
# title: Every Azure key vault sends its audit log to a log store
# description: |
#   Each azurerm_key_vault has an azurerm_monitor_diagnostic_setting that
#   targets it (by reference in the configuration, or by the vault's id once
#   known) and exports its audit events: an enabled_log (or, in provider v3,
#   an enabled log block) with category AuditEvent or category group audit
#   or allLogs. Without it nobody can tell who read or changed a secret, key
#   or certificate.
# custom:
#   controls: ["8.15"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_key_vault
#     - resource:azurerm_monitor_diagnostic_setting
#   remediation: |
#     Add an azurerm_monitor_diagnostic_setting with target_resource_id =
#     azurerm_key_vault.<name>.id, a log_analytics_workspace_id (or a storage
#     account) and enabled_log { category_group = "audit" }.
package annexa.controls.c8_15.azure_key_vault_logging

import data.annexa.lib.tf

deny contains finding if {
	some kv in tf.resources("azurerm_key_vault")
	not logged(kv)
	finding := {"msg": "key vault has no diagnostic setting that exports its audit events", "resource": kv.id}
}

# audited is what the diagnostic settings that export audit logs point at,
# collected once.
audited := {p |
	some s in tf.resources("azurerm_monitor_diagnostic_setting")
	exports_audit(s)
	some p in tf.pointers(s, "target_resource_id")
}

logged(kv) if {
	some k in tf.identities(kv)
	k in audited
}

exports_audit(s) if {
	some l in object.get(s.attributes, "enabled_log", [])
	audit_category(l)
}

exports_audit(s) if {
	some l in object.get(s.attributes, "log", [])
	object.get(l, "enabled", true) != false
	audit_category(l)
}

audit_category(l) if {
	is_string(l.category)
	lower(l.category) == "auditevent"
}

audit_category(l) if {
	is_string(l.category_group)
	lower(l.category_group) in {"audit", "alllogs"}
}

# judged are the key vaults, each of which needs a diagnostic setting.
judged := tf.ids(["azurerm_key_vault"])
