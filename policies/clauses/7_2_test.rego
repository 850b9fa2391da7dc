package annexa.clauses.c7_2_test

import data.annexa.clauses.c7_2 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

roles := testing.evidence("role_register", "ROLES", {"entries": [
	{"role": "Internal auditor", "holder": "fatima@example.com"},
	{"role": "CISO", "holder": "sam@example.com"},
]})

requirements := testing.evidence("document", "COMP", object.union(
	{"topic": "competence_requirements", "competences": [
		{"role": "Internal auditor", "competence": "Auditing an ISMS", "course": "ISO 27001 Internal Auditor"},
		{"role": "CISO", "competence": "Running an ISMS", "course": "ISO 27001 Lead Implementer"},
	]},
	approved,
))

training(course, person, date) := testing.evidence("training_record", upper(replace(course, " ", "-")), {"course": course, "entries": [{"person": person, "completed_at": date}]})

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_every_holder_trained if {
	eval([roles, requirements, training("ISO 27001 Internal Auditor", "fatima@example.com", "2025-05-12T00:00:00Z"), training("ISO 27001 Lead Implementer", "sam@example.com", "2024-02-01T00:00:00Z")]).status == "conformant"
}

test_fail_training_older_than_36_months if {
	r := eval([roles, requirements, training("ISO 27001 Internal Auditor", "fatima@example.com", "2025-05-12T00:00:00Z"), training("ISO 27001 Lead Implementer", "sam@example.com", "2023-11-19T00:00:00Z")])
	r.status == "partial"
	r.gaps == {"sam@example.com holds the role CISO but has not completed ISO 27001 Lead Implementer in the last 36 months"}
}

test_pass_training_exactly_36_months_ago if {
	eval([roles, requirements, training("ISO 27001 Internal Auditor", "fatima@example.com", "2025-05-12T00:00:00Z"), training("ISO 27001 Lead Implementer", "sam@example.com", "2023-11-20T00:00:00Z")]).status == "conformant"
}

test_fail_role_nobody_holds if {
	only_ciso := testing.evidence("role_register", "ROLES", {"entries": [{"role": "CISO", "holder": "sam@example.com"}]})
	r := eval([only_ciso, requirements, training("ISO 27001 Lead Implementer", "sam@example.com", "2024-02-01T00:00:00Z")])
	r.gaps == {"Competence requirements COMP name the role Internal auditor, which nobody holds in the role register"}
}

test_fail_no_requirements if {
	eval([roles]).status == "nonconformant"
}
