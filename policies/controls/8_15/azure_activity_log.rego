# METADATA
# title: Azure subscription activity logs are exported with the categories that matter
# description: |
#   A diagnostic setting on a subscription (azurerm_monitor_diagnostic_setting
#   whose target_resource_id is a subscription: data.azurerm_subscription's
#   id or "/subscriptions/<id>") exports at least the activity log
#   categories of the parameter azure_activity_log_categories
#   (Administrative, Alert, Policy and Security by default), each in an
#   enabled_log block (or an enabled log block of azurerm v3), or the
#   category group allLogs. A legacy azurerm_monitor_log_profile exports
#   the Write, Delete and Action categories and keeps them for at least
#   azure_activity_log_retention_days days when its retention policy is
#   enabled (0 days keeps them forever). Whether a subscription has such a
#   setting at all is outside one configuration's view and not judged.
#   CIS Microsoft Azure Foundations 3.0.0 6.1.1 and 6.1.2.
# custom:
#   controls: ["8.15"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:azurerm_monitor_diagnostic_setting
#     - resource:azurerm_monitor_log_profile
#   parameters: ["azure_activity_log_categories", "azure_activity_log_retention_days"]
#   remediation: |
#     Add enabled_log { category = "..." } for each of Administrative, Alert,
#     Policy and Security (or category_group = "allLogs") to the
#     subscription's diagnostic setting; replace a log profile by such a
#     diagnostic setting.
package annexa.controls.c8_15.azure_activity_log

import data.annexa.lib.params
import data.annexa.lib.tf
import data.annexa.lib.values

deny contains finding if {
	some s in tf.resources("azurerm_monitor_diagnostic_setting")
	subscription_target(s)
	missing := missing_categories(s)
	count(missing) > 0
	finding := {
		"msg": sprintf("subscription diagnostic setting %s does not export the activity log categories %s", [tf.display_name(s), concat(", ", sort(missing))]),
		"resource": s.id,
		"details": {"missing_categories": sort(missing)},
	}
}

deny contains finding if {
	some p in tf.resources("azurerm_monitor_log_profile")
	missing := {c | some c in {"action", "delete", "write"}; not c in lower_all(object.get(p.attributes, "categories", []))}
	is_array(object.get(p.attributes, "categories", null))
	count(missing) > 0
	finding := {
		"msg": sprintf("activity log profile %s does not export the categories %s", [tf.display_name(p), concat(", ", sort(missing))]),
		"resource": p.id,
	}
}

deny contains finding if {
	some p in tf.resources("azurerm_monitor_log_profile")
	some rp in values.array_or_empty(object.get(p.attributes, "retention_policy", []))
	object.get(rp, "enabled", false) == true
	days := object.get(rp, "days", 0)
	is_number(days)
	days > 0
	days < params.value("azure_activity_log_retention_days")
	finding := {
		"msg": sprintf("activity log profile %s keeps the activity log %d day(s), fewer than %d", [tf.display_name(p), days, params.value("azure_activity_log_retention_days")]),
		"resource": p.id,
	}
}

# subscription_target: the setting points at a subscription, by reference
# to an azurerm_subscription data source or by a literal subscription id.
subscription_target(s) if {
	some ref in object.get(s, ["references", "target_resource_id"], [])
	regex.match(`^(data\.azurerm_subscription\.|azurerm_subscription\.)`, ref)
}

subscription_target(s) if regex.match(`^(?i)/subscriptions/[^/]+/?$`, values.string_or_empty(object.get(s.attributes, "target_resource_id", "")))

missing_categories(s) := set() if {
	some l in enabled_logs(s)
	lower(values.string_or_empty(object.get(l, "category_group", ""))) == "alllogs"
} else := {c |
	some c in params.value("azure_activity_log_categories")
	not lower(c) in exported(s)
}

exported(s) := {lower(c) |
	some l in enabled_logs(s)
	c := object.get(l, "category", "")
	is_string(c)
}

enabled_logs(s) := array.concat(
	values.array_or_empty(object.get(s.attributes, "enabled_log", [])),
	[l |
		some l in values.array_or_empty(object.get(s.attributes, "log", []))
		object.get(l, "enabled", true) != false
	],
)

lower_all(list) := {lower(c) | some c in values.array_or_empty(list); is_string(c)}

# judged are the subscription diagnostic settings whose logs are known and
# the log profiles.
judged contains s.id if {
	some s in tf.resources("azurerm_monitor_diagnostic_setting")
	subscription_target(s)
	not tf.is_unknown(s, "enabled_log")
}

judged contains p.id if {
	some p in tf.resources("azurerm_monitor_log_profile")
	is_array(object.get(p.attributes, "categories", null))
}
