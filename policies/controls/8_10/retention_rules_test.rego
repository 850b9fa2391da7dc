package annexa.controls.c8_10.retention_rules_test

import data.annexa.controls.c8_10.retention_rules as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

assets := testing.evidence("asset_register", "IT-ASSETS", {"entries": [
	{"id": "DATA-CUSTOMERS", "name": "Merchant customer records", "type": "information", "status": "active"},
	{"id": "DATA-FINANCE", "name": "Finance ledgers", "type": "information", "status": "active"},
]})

register(entries) := testing.evidence("data_handling_register", "DATA-HANDLING", {
	"approved_by": "dpo@example.com",
	"approved_at": "2026-06-01T00:00:00Z",
	"review_interval": "P12M",
	"due": "2027-06-01T00:00:00Z",
	"entries": entries,
})

customers := {"asset": "DATA-CUSTOMERS", "retention": "P6Y", "retention_trigger": "end of the merchant contract", "deletion_method": "automated"}

finance := {"asset": "DATA-FINANCE", "retention": "P7Y", "deletion_method": "manual"}

test_pass_all_data_sets_ruled if {
	count(check.deny) == 0 with data.facts as testing.facts([assets, register([customers, finance])]) with data.run as now
}

test_fail_data_set_without_entry if {
	check.deny == {{
		"msg": "Finance ledgers (DATA-FINANCE) has no entry in the data handling register, so no retention period or deletion method",
		"resource": "asset_register/IT-ASSETS#DATA-FINANCE",
	}} with data.facts as testing.facts([assets, register([customers])])
		with data.run as now
}

test_fail_entry_incomplete if {
	findings := check.deny with data.facts as testing.facts([assets, register([customers, {"asset": "DATA-FINANCE"}])]) with data.run as now
	findings == {{
		"msg": "Finance ledgers (DATA-FINANCE) has no retention period and no deletion method in the data handling register",
		"resource": "data_handling_register/DATA-HANDLING#DATA-FINANCE",
	}}
}

test_fail_register_overdue if {
	r := object.union(register([customers, finance]), {"attributes": {"due": "2026-11-01T00:00:00Z"}})
	findings := check.deny with data.facts as testing.facts([assets, r]) with data.run as now
	{f.resource | some f in findings} == {"data_handling_register/DATA-HANDLING"}
}

test_fail_missing_register if {
	findings := check.deny with data.facts as testing.facts([assets]) with data.run as now
	{f.resource | some f in findings} == {"missing:data_handling_register"}
}

test_pass_judges_register_and_data_sets if {
	judged := check.judged with data.facts as testing.facts([assets, register([customers, finance])]) with data.run as now
	judged == {"data_handling_register/DATA-HANDLING", "asset_register/IT-ASSETS#DATA-CUSTOMERS", "asset_register/IT-ASSETS#DATA-FINANCE"}
	count(check.judged) == 0 with data.facts as testing.facts([assets]) with data.run as now
}
