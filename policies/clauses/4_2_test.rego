package annexa.clauses.c4_2_test

import data.annexa.clauses.c4_2 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

parties := [
	{"id": "merchants", "name": "Merchants", "requirements": [{"description": "Payments available 99.9%", "addressed": true}]},
	{"id": "fca", "name": "FCA", "requirements": [
		{"description": "Operational resilience", "addressed": true},
		{"description": "Climate disclosures", "addressed": false, "climate_related": true},
	]},
]

record(attrs) := testing.evidence("document", "IP", object.union(object.union({"topic": "interested_parties", "parties": parties}, approved), attrs))

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}, "met": {m.msg | some m in rule.met}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_parties_with_requirements if {
	r := eval([record({})])
	r.status == "conformant"
	"Interested parties record IP names 2 interested part(ies) with 3 requirement(s), 2 of them addressed by the ISMS" in r.met
	"Interested parties record IP notes climate-related requirements of FCA" in r.met
}

test_fail_party_without_requirements if {
	p := array.concat(parties, [{"id": "staff", "name": "Staff", "requirements": []}])
	r := eval([record({"parties": p})])
	r.status == "partial"
	r.gaps == {"Interested parties record IP: Staff states no requirements"}
}

test_fail_overdue_record if {
	r := eval([record({"due": "2026-10-01T00:00:00Z"})])
	r.status == "partial"
	r.gaps == {"Interested parties record IP cannot be relied on: its review was due on 2026-10-01"}
}

test_fail_unapproved_record if {
	eval([testing.evidence("document", "IP", {"topic": "interested_parties", "parties": parties})]).status == "nonconformant"
}
