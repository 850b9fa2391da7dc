package annexa.controls.c5_33.records_requirements_test

import data.annexa.controls.c5_33.records_requirements as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("legal_register", "LEG", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_records_requirements_met if {
	deny([register([{"id": "CA2006", "requirement": "Companies Act 2006 s.388: keep accounting records 6 years", "category": "records", "compliant": true}])]) == set()
}

test_fail_none_registered if {
	[f.msg | some f in deny([register([{"id": "GDPR", "requirement": "UK GDPR", "category": "privacy", "compliant": true}])])] == ["the legal register lists no records retention requirements (category records)"]
}

test_fail_not_assessed if {
	deny([register([{"id": "MLR", "requirement": "MLR 2017 reg. 40: keep CDD records 5 years", "category": "records"}])]) == {{
		"msg": "records retention requirement MLR (MLR 2017 reg. 40: keep CDD records 5 years): compliance with it has not been assessed (compliant)",
		"resource": "legal_register/LEG#MLR",
		"severity": "medium",
		"details": {"requirement": "MLR", "category": "records"},
	}}
}

test_pass_judges_records_requirements if {
	ca := {"id": "CA2006", "requirement": "Companies Act 2006 s.388", "category": "records", "compliant": true}
	check.judged == {"legal_register/LEG#CA2006"} with data.facts as testing.facts([register([ca])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
