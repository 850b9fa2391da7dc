package annexa.controls.c5_34.privacy_requirements_test

import data.annexa.controls.c5_34.privacy_requirements as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("legal_register", "LEG", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_privacy_requirements_met if {
	deny([register([{"id": "UK-GDPR", "requirement": "UK GDPR and Data Protection Act 2018", "category": "privacy", "compliant": true}])]) == set()
}

test_fail_none_registered if {
	[f.resource | some f in deny([register([{"id": "PCI", "requirement": "PCI DSS", "category": "contractual", "compliant": true}])])] == ["legal_register/LEG"]
}

test_fail_not_complied_with if {
	fs := deny([register([{"id": "PECR", "requirement": "PECR marketing consent", "category": "privacy", "compliant": false}])])
	[f.msg | some f in fs] == ["privacy requirement PECR (PECR marketing consent): it is recorded as not complied with (compliant: false)"]
}

test_pass_judges_privacy_requirements if {
	gdpr := {"id": "UK-GDPR", "requirement": "UK GDPR and Data Protection Act 2018", "category": "privacy", "compliant": true}
	check.judged == {"legal_register/LEG#UK-GDPR"} with data.facts as testing.facts([register([gdpr])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
