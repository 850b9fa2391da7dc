package annexa.clauses.c7_4_test

import data.annexa.clauses.c7_4 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

people := testing.evidence("personnel_register", "HR", {"entries": [{"id": "sam@example.com", "start_date": "2020-01-06T00:00:00Z"}]})

plan(owner) := testing.evidence("document", "COMMS", object.union(
	{"topic": "communication_plan", "communications": [{
		"subject": "Security incidents", "audience": "Merchants", "when": "Within 24 hours",
		"channel": "E-mail", "owner": owner,
	}]},
	approved,
))

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_plan_with_owned_communications if {
	eval([people, plan("sam@example.com")]).status == "conformant"
}

test_fail_owner_not_in_register if {
	r := eval([people, plan("nobody@example.com")])
	r.status == "partial"
	r.gaps == {"Communication plan COMMS: communication of Security incidents is owned by nobody@example.com, who is not in the personnel register"}
}

test_fail_no_plan if {
	eval([people]).status == "nonconformant"
}
