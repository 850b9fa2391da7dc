package annexa.lib.clauses_test

import data.annexa.lib.clauses
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

test_status_not_assessed_without_anything if {
	clauses.status(set(), set()) == "not_assessed"
}

test_status_conformant_when_only_met if {
	clauses.status({clauses.shown("a", "x")}, set()) == "conformant"
}

test_status_partial_with_a_minor_gap if {
	clauses.status({clauses.shown("a", "x")}, {clauses.minor("b", "y")}) == "partial"
}

test_status_nonconformant_with_a_major_gap if {
	clauses.status({clauses.shown("a", "x")}, {clauses.major("b", "y"), clauses.minor("c", "z")}) == "nonconformant"
}

test_status_nonconformant_when_nothing_met if {
	clauses.status(set(), {clauses.minor("b", "y")}) == "nonconformant"
}

test_capitalize if {
	clauses.capitalize("context record") == "Context record"
	clauses.capitalize("ISMS scope") == "ISMS scope"
}

doc(id, attrs) := testing.evidence("document", id, object.union({"topic": "isms_scope"}, attrs))

gaps(list) := g if {
	g := clauses.document_gaps("document", "isms_scope", "ISMS scope") with data.facts as testing.facts(list) with data.run as run
}

test_document_current_is_met_without_gaps if {
	d := doc("S", approved)
	gaps([d]) == set()
	m := clauses.document_met("document", "isms_scope", "ISMS scope") with data.facts as testing.facts([d]) with data.run as run
	m == {{"msg": "ISMS scope S was approved by dana@example.com on 2026-03-02; its next review is due on 2027-03-02", "resource": "document/S"}}
}

test_document_missing_is_major_only_with_evidence if {
	other := testing.evidence("policy", "P", {"topic": "backup"})
	gaps([other]) == {clauses.major("No ISMS scope on file (a document record with topic isms_scope)", "missing:document/isms_scope")}
	gaps([]) == set()
}

test_document_unapproved_is_major_overdue_is_minor if {
	[g.major | some g in gaps([doc("S", {"due": "2027-01-01T00:00:00Z"})])] == [true]
	[g.major | some g in gaps([doc("S", object.union(approved, {"due": "2026-11-01T00:00:00Z"}))])] == [false]
}

test_document_draft_only_is_major if {
	[g.msg | some g in gaps([doc("S", {"status": "draft"})])] == ["No approved ISMS scope is in force: S is draft"]
}

test_control_met_and_gaps if {
	r := {"effective_time_ns": 1795132800000000000, "controls": {
		"5.1": {"status": "pass", "title": "Policies", "assessed": 3, "findings": 0},
		"6.3": {"status": "fail", "title": "Awareness", "assessed": 1, "findings": 2},
	}}
	clauses.control_met("5.1") == {clauses.shown("Control A.5.1 (Policies) passes over 3 fact(s)", "control/5.1")} with data.run as r
	clauses.control_gaps("6.3") == {clauses.minor("Control A.6.3 (Awareness) fails with 2 finding(s)", "control/6.3")} with data.run as r
	clauses.control_gaps("5.1") == set() with data.run as r
}

test_control_not_assessed_is_a_gap_only_with_evidence if {
	r := {"effective_time_ns": 1795132800000000000, "controls": {"7.4": {"status": "not_assessed", "title": "Monitoring", "assessed": 0, "findings": 0}}}
	clauses.control_gaps("7.4") == set() with data.run as r with data.facts as testing.facts([])
	count(clauses.control_gaps("7.4")) == 1 with data.run as r with data.facts as testing.facts([doc("S", approved)])
}
