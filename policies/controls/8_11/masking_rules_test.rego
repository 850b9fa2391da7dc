package annexa.controls.c8_11.masking_rules_test

import data.annexa.controls.c8_11.masking_rules as check
import data.annexa.lib.testing

now := {"effective_time_ns": time.parse_rfc3339_ns("2026-11-20T00:00:00Z")}

assets := testing.evidence("asset_register", "IT-ASSETS", {"entries": [
	{"id": "DATA-CARDHOLDER", "name": "Cardholder and payment data", "type": "information", "status": "active"},
	{"id": "DATA-FINANCE", "name": "Finance ledgers", "type": "information", "status": "active"},
]})

register(entries) := testing.evidence("data_handling_register", "DATA-HANDLING", {
	"approved_by": "dpo@example.com",
	"approved_at": "2026-06-01T00:00:00Z",
	"review_interval": "P12M",
	"due": "2027-06-01T00:00:00Z",
	"entries": entries,
})

cardholder := {"asset": "DATA-CARDHOLDER", "masking": "tokenised", "masking_rules": "PANs are tokenised at capture; support sees the last four digits only"}

finance := {"asset": "DATA-FINANCE", "masking": "not_required", "masking_reason": "Only the finance team reads the ledgers; no copies outside production"}

test_pass_all_data_sets_decided if {
	count(check.deny) == 0 with data.facts as testing.facts([assets, register([cardholder, finance])]) with data.run as now
}

test_fail_no_decision if {
	findings := check.deny with data.facts as testing.facts([assets, register([cardholder, {"asset": "DATA-FINANCE", "retention": "P7Y"}])]) with data.run as now
	findings == {{
		"msg": "Finance ledgers (DATA-FINANCE) has no masking decision (masking) in the data handling register",
		"resource": "data_handling_register/DATA-HANDLING#DATA-FINANCE",
	}}
}

test_fail_not_required_without_reason if {
	findings := check.deny with data.facts as testing.facts([assets, register([cardholder, object.remove(finance, ["masking_reason"])])]) with data.run as now
	{f.msg | some f in findings} == {"Finance ledgers (DATA-FINANCE) is marked not_required for masking without a masking_reason"}
}

test_fail_technique_without_rules if {
	findings := check.deny with data.facts as testing.facts([assets, register([object.remove(cardholder, ["masking_rules"]), finance])]) with data.run as now
	{f.msg | some f in findings} == {"Cardholder and payment data (DATA-CARDHOLDER) is tokenised without masking_rules saying which fields are hidden, from whom and where"}
}

test_fail_data_set_without_entry if {
	findings := check.deny with data.facts as testing.facts([assets, register([cardholder])]) with data.run as now
	{f.resource | some f in findings} == {"asset_register/IT-ASSETS#DATA-FINANCE"}
}

test_fail_missing_register if {
	findings := check.deny with data.facts as testing.facts([assets]) with data.run as now
	{f.resource | some f in findings} == {"missing:data_handling_register"}
}

test_pass_judges_register_and_data_sets if {
	judged := check.judged with data.facts as testing.facts([assets, register([cardholder, finance])]) with data.run as now
	judged == {"data_handling_register/DATA-HANDLING", "asset_register/IT-ASSETS#DATA-CARDHOLDER", "asset_register/IT-ASSETS#DATA-FINANCE"}
	count(check.judged) == 0 with data.facts as testing.facts([assets]) with data.run as now
}
