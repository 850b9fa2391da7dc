package annexa.controls.c5_32.ip_requirements_test

import data.annexa.controls.c5_32.ip_requirements as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("legal_register", "LEG", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_ip_requirements_met if {
	deny([register([
		{"id": "LIC-OSS", "requirement": "Open source licence obligations", "category": "intellectual_property", "compliant": true},
		{"id": "PCI", "requirement": "PCI DSS", "category": "contractual", "compliant": false},
	])]) == set()
}

test_fail_no_ip_requirements if {
	deny([register([{"id": "PCI", "requirement": "PCI DSS", "category": "contractual", "compliant": true}])]) == {{
		"msg": "the legal register lists no intellectual property requirements (category intellectual_property)",
		"resource": "legal_register/LEG",
	}}
}

test_fail_licence_breach if {
	fs := deny([register([{"id": "LIC-JB", "requirement": "IDE licence seat count", "category": "intellectual_property", "compliant": false}])])
	[[f.resource, f.severity] | some f in fs] == [["legal_register/LEG#LIC-JB", "high"]]
}

test_fail_register_missing if {
	other := testing.evidence("procedure", "P", {"topic": "intellectual_property"})
	[f.resource | some f in deny([other])] == ["missing:legal_register"]
}

test_pass_judges_ip_requirements if {
	oss := {"id": "LIC-OSS", "requirement": "Open source licence obligations", "category": "intellectual_property", "compliant": true}
	check.judged == {"legal_register/LEG#LIC-OSS"} with data.facts as testing.facts([register([oss])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
