package annexa.clauses.c7_5_3_test

import data.annexa.clauses.c7_5_3 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

doc(id, due) := testing.evidence("document", id, {"topic": "x", "approved_by": "a", "approved_at": "2026-01-01T00:00:00Z", "due": due})

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}, "met": {m.msg | some m in rule.met}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_documents_in_date if {
	copy := object.union(doc("B", "2027-02-01T00:00:00Z"), {"attributes": {"artifact": {"path": "a.pdf", "sha256": "ab", "size": 1}}})
	r := eval([doc("A", "2027-01-01T00:00:00Z"), copy])
	r.status == "conformant"
	r.met == {"2 of 2 documents in force are inside their review period", "1 document(s) point at a controlled copy whose digest annexa recorded"}
}

test_fail_document_overdue if {
	r := eval([doc("A", "2027-01-01T00:00:00Z"), doc("B", "2026-11-19T00:00:00Z")])
	r.status == "partial"
	r.gaps == {"document/B was due for review on 2026-11-19"}
}

test_pass_due_today_is_in_date if {
	eval([doc("A", "2026-11-20T00:00:00Z")]).status == "conformant"
}
