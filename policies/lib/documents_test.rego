package annexa.lib.documents_test

import data.annexa.lib.documents
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approved := {
	"approved_by": "dana@example.com",
	"approved_at": "2026-03-02T00:00:00Z",
	"due": "2027-03-02T00:00:00Z",
	"communicated_at": "2026-03-04T00:00:00Z",
}

policy(id, topic, attrs) := testing.evidence("policy", id, object.union({"topic": topic}, attrs))

ac(id, attrs) := policy(id, "access_control", attrs)

findings(facts) := fs if {
	fs := documents.findings(["policy"], "access_control", "access control policy") with data.facts as testing.facts(facts)
		with data.run as run
}

other := testing.evidence("procedure", "X", {"topic": "backup"})

test_on_file_and_in_force if {
	facts := testing.facts([
		ac("AC-v3", object.union(approved, {"status": "retired"})),
		ac("AC-v4", approved),
		ac("AC-v5", {"status": "draft"}),
		testing.evidence("procedure", "AC-P", object.union({"topic": "access_control"}, approved)),
		policy("BK", "backup", approved),
	])
	[r.id | some r in documents.on_file(["policy"], "access_control")] == ["policy/AC-v3", "policy/AC-v4", "policy/AC-v5"] with data.facts as facts
	[r.id | some r in documents.on_file(["procedure", "policy"], "access_control")] == ["procedure/AC-P", "policy/AC-v3", "policy/AC-v4", "policy/AC-v5"] with data.facts as facts
	[r.id | some r in documents.in_force(["policy"], "access_control")] == ["policy/AC-v4"] with data.facts as facts
	documents.in_force(["plan"], "access_control") == [] with data.facts as facts
}

test_current_version_has_no_findings if {
	findings([ac("AC-v4", approved)]) == set()
}

test_draft_revision_ignored_while_approved_version_in_force if {
	findings([ac("AC-v4", approved), ac("AC-v5", {"status": "draft"})]) == set()
}

test_retired_and_draft_beside_current_version if {
	retired := ac("AC-v3", object.union(approved, {"status": "retired", "due": "2025-01-01T00:00:00Z"}))
	findings([retired, ac("AC-v4", approved), ac("AC-v5", {"status": "draft"})]) == set()
}

test_only_drafts_and_retired_versions if {
	fs := findings([
		ac("AC-v4", object.union(approved, {"status": "retired"})),
		ac("AC-v5", {"status": "draft"}),
	])
	fs == {
		{"msg": "no approved access control policy is in force: AC-v4 is retired", "resource": "policy/AC-v4"},
		{"msg": "no approved access control policy is in force: AC-v5 is draft", "resource": "policy/AC-v5"},
	}
}

test_stale_document_in_force if {
	findings([ac("AC-v4", object.union(approved, {"due": "2026-11-19T00:00:00Z"}))]) == {{
		"msg": "access control policy AC-v4 cannot be relied on: its review was due on 2026-11-19",
		"resource": "policy/AC-v4",
	}}
}

test_every_version_in_force_must_be_reliable if {
	stale := ac("AC-v3", object.union(approved, {"due": "2026-11-19T00:00:00Z"}))
	[f.resource | some f in findings([stale, ac("AC-v4", approved)])] == ["policy/AC-v3"]
}

test_unapproved_document_in_force if {
	fs := findings([ac("AC-v1", {"due": "2027-01-01T00:00:00Z"})])
	[f.msg | some f in fs] == ["access control policy AC-v1 cannot be relied on: it is not approved (approved_by and approved_at are missing)"]
}

test_document_of_either_kind if {
	proc := testing.evidence("procedure", "AUTH", object.union({"topic": "authentication_information"}, approved))
	documents.findings(["policy", "procedure"], "authentication_information", "x") == set() with data.facts as testing.facts([proc])
		with data.run as run
}

test_missing_document_only_when_evidence_declared if {
	findings([other]) == {{
		"msg": "no access control policy on file",
		"resource": "missing:policy/access_control",
		"details": {"expected_kind": "policy"},
	}}
	findings([]) == set()
}

test_missing_names_the_preferred_kind_and_the_topic if {
	fs := documents.findings(["procedure", "policy"], "test_data", "test data procedure") with data.facts as testing.facts([other])
		with data.run as run
	[f.resource | some f in fs] == ["missing:procedure/test_data"]
	documents.missing_id("document", "isms_scope") == "missing:document/isms_scope"
}

test_in_force_findings_ignore_drafts_and_absence if {
	documents.in_force_findings(["policy"], "access_control", "access control policy") == set() with data.facts as testing.facts([ac("AC-v5", {"status": "draft"})])
		with data.run as run
	documents.in_force_findings(["policy"], "access_control", "access control policy") == set() with data.facts as testing.facts([other])
		with data.run as run
}

test_communication if {
	facts := testing.facts([
		policy("OK", "t", approved),
		policy("SAME-DAY", "t", object.union(approved, {"communicated_at": "2026-03-02T00:00:00Z"})),
		policy("NEVER", "t", object.remove(approved, ["communicated_at"])),
		policy("OLD", "t", object.union(approved, {"communicated_at": "2025-03-04T00:00:00Z"})),
		policy("LATER", "t", object.union(approved, {"communicated_at": "2026-12-01T00:00:00Z"})),
		policy("UNAPPROVED", "t", {"due": "2027-01-01T00:00:00Z"}),
		policy("DRAFT", "t", object.union(object.remove(approved, ["communicated_at"]), {"status": "draft"})),
	])
	fs := documents.communication_findings("t", "T policy") with data.facts as facts with data.run as run
	fs == {
		{
			"msg": "T policy LATER was approved on 2026-03-02 but its communication is dated 2026-12-01, after the effective date",
			"resource": "policy/LATER",
		},
		{
			"msg": "T policy NEVER was approved on 2026-03-02 but there is no record that it was communicated (communicated_at)",
			"resource": "policy/NEVER",
		},
		{
			"msg": "T policy OLD was approved on 2026-03-02 but was last communicated on 2025-03-04, before this version was approved",
			"resource": "policy/OLD",
		},
	}
}

test_judged_are_the_versions_findings_judges if {
	in_force := testing.facts([ac("AC-v3", {"status": "retired"}), ac("AC-v4", approved), ac("AC-v5", {"status": "draft"})])
	documents.judged(["policy"], "access_control") == {"policy/AC-v4"} with data.facts as in_force
	none_in_force := testing.facts([ac("AC-v3", {"status": "retired"}), ac("AC-v5", {"status": "draft"}), other])
	documents.judged(["policy"], "access_control") == {"policy/AC-v3", "policy/AC-v5"} with data.facts as none_in_force
	documents.judged(["policy"], "access_control") == set() with data.facts as testing.facts([other])
}
