package annexa.clauses.c7_5_2_test

import data.annexa.clauses.c7_5_2 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_documents_approved_with_review_dates if {
	eval([
		testing.evidence("policy", "P", object.union({"topic": "backup"}, approved)),
		testing.evidence("procedure", "PR", object.union({"topic": "backup"}, approved)),
	]).status == "conformant"
}

test_fail_unapproved_document if {
	r := eval([
		testing.evidence("policy", "P", object.union({"topic": "backup"}, approved)),
		testing.evidence("plan", "BCP", {"topic": "business_continuity", "due": "2027-01-01T00:00:00Z"}),
	])
	r.status == "partial"
	r.gaps == {"plan/BCP has no recorded approval (approved_by, approved_at)"}
}

test_fail_no_review_date if {
	r := eval([testing.evidence("document", "D", {"topic": "x", "approved_by": "a", "approved_at": "2026-01-01T00:00:00Z"})])
	r.status == "nonconformant"
	r.gaps == {"document/D has no review interval or expiry, so nobody knows when to review it"}
}

test_pass_drafts_are_not_in_force if {
	eval([
		testing.evidence("policy", "P", object.union({"topic": "backup"}, approved)),
		testing.evidence("policy", "P2", {"topic": "backup", "status": "draft"}),
	]).status == "conformant"
}
