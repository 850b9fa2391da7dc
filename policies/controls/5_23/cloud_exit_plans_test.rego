package annexa.controls.c5_23.cloud_exit_plans_test

import data.annexa.controls.c5_23.cloud_exit_plans as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("supplier_register", "SUP", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_cloud_suppliers_with_exit_plans if {
	deny([register([
		{"id": "aws", "name": "AWS", "ict": true, "cloud": true, "criticality": "critical", "exit_plan": true},
		{"id": "paylink", "name": "PayLink", "ict": true, "cloud": false, "criticality": "critical", "exit_plan": false},
	])]) == set()
}

test_fail_no_exit_plan if {
	deny([register([{"id": "crm", "name": "CRM Cloud", "ict": true, "cloud": true, "criticality": "medium", "exit_plan": false}])]) == {{
		"msg": "cloud service supplier CRM Cloud (crm) has no exit plan (exit_plan)",
		"resource": "supplier_register/SUP#crm",
		"severity": "medium",
		"details": {"supplier": "crm", "criticality": "medium"},
	}}
}

test_fail_exit_plan_not_recorded_for_critical if {
	fs := deny([register([{"id": "aws", "name": "AWS", "ict": true, "cloud": true, "criticality": "critical"}])])
	[f.severity | some f in fs] == ["high"]
}

test_fail_register_missing if {
	other := testing.evidence("policy", "POL", {"topic": "cloud_services"})
	[f.resource | some f in deny([other])] == ["missing:supplier_register"]
}

test_pass_judges_cloud_suppliers_only if {
	aws := {"id": "aws", "name": "AWS", "ict": true, "cloud": true, "criticality": "critical", "exit_plan": true}
	paylink := {"id": "paylink", "name": "PayLink", "ict": true, "cloud": false, "criticality": "critical"}
	check.judged == {"supplier_register/SUP#aws"} with data.facts as testing.facts([register([aws, paylink])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([register([paylink])]) with data.run as run
}
