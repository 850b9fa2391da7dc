package annexa.clauses.c4_3_test

import data.annexa.clauses.c4_3 as rule
import data.annexa.lib.testing

run := {"effective_time_ns": 1795132800000000000}

approved := {"approved_by": "dana@example.com", "approved_at": "2026-03-02T00:00:00Z", "due": "2027-03-02T00:00:00Z"}

full := {"includes": ["Payments platform on AWS"], "excludes": ["Office Wi-Fi"], "interfaces": ["Card schemes"], "dependencies": ["AWS"]}

scope(attrs) := testing.evidence("document", "SCOPE", object.union(object.union({"topic": "isms_scope", "scope": full}, approved), attrs))

partial_scope := testing.evidence("document", "SCOPE", object.union({"topic": "isms_scope", "scope": {"includes": ["Payments platform"]}}, approved))

eval(list) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.facts as testing.facts(list) with data.run as run
}

test_pass_scope_with_interfaces_and_dependencies if {
	r := eval([scope({})])
	r.status == "conformant"
	r.gaps == set()
}

test_fail_scope_without_interfaces if {
	r := eval([partial_scope])
	r.status == "partial"
	r.gaps == {
		"ISMS scope SCOPE does not state the interfaces with activities outside the scope (scope.interfaces)",
		"ISMS scope SCOPE does not state the dependencies on activities outside the scope (scope.dependencies)",
	}
}

test_fail_no_scope_on_file if {
	r := eval([testing.evidence("policy", "P", {"topic": "backup"})])
	r.status == "nonconformant"
	r.gaps == {"No ISMS scope on file (a document record with topic isms_scope)"}
}

test_fail_draft_scope if {
	eval([testing.evidence("document", "SCOPE", {"topic": "isms_scope", "status": "draft", "scope": full})]).status == "nonconformant"
}

test_pass_not_assessed_without_evidence if {
	eval([]).status == "not_assessed"
}
