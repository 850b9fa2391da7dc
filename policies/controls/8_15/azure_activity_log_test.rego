package annexa.controls.c8_15.azure_activity_log_test

import data.annexa.controls.c8_15.azure_activity_log as check
import data.annexa.lib.testing

setting(logs) := testing.with_refs(
	testing.resource("azurerm_monitor_diagnostic_setting", "sub", {"name": "activity", "enabled_log": logs}),
	{"target_resource_id": ["data.azurerm_subscription.current"]},
)

cat(c) := {"category": c, "category_group": null}

test_pass_all_categories if {
	facts := testing.facts([setting([cat("Administrative"), cat("Security"), cat("Alert"), cat("Policy")])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"azurerm_monitor_diagnostic_setting.sub"} with data.facts as facts
}

test_pass_all_logs_group if {
	count(check.deny) == 0 with data.facts as testing.facts([setting([{"category": null, "category_group": "allLogs"}])])
}

test_fail_missing_categories if {
	findings := check.deny with data.facts as testing.facts([setting([cat("Administrative")])])
	count(findings) == 1
	some f in findings
	f.details.missing_categories == ["Alert", "Policy", "Security"]
}

test_pass_resource_setting_not_judged if {
	s := testing.with_refs(
		testing.resource("azurerm_monitor_diagnostic_setting", "kv", {"enabled_log": []}),
		{"target_resource_id": ["azurerm_key_vault.main"]},
	)
	count(check.judged) == 0 with data.facts as testing.facts([s])
}

test_fail_literal_subscription_id_v3_log_blocks if {
	s := testing.resource("azurerm_monitor_diagnostic_setting", "s", {
		"target_resource_id": "/subscriptions/00000000-0000-0000-0000-000000000000",
		"log": [{"category": "Administrative", "enabled": true}, {"category": "Security", "enabled": false}],
	})
	count(check.deny) == 1 with data.facts as testing.facts([s])
}

p(days, cats) := testing.resource("azurerm_monitor_log_profile", "p", {"categories": cats, "retention_policy": [{"enabled": true, "days": days}]})

test_log_profile if {
	count(check.deny) == 0 with data.facts as testing.facts([p(365, ["Action", "Delete", "Write"])])
	count(check.deny) == 2 with data.facts as testing.facts([p(30, ["Write"])])
	check.judged == {"azurerm_monitor_log_profile.p"} with data.facts as testing.facts([p(30, ["Write"])])
}
