package annexa.controls.c5_1.policy_documents_test

import data.annexa.controls.c5_1.policy_documents as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approved := {
	"approved_by": "dana@example.com",
	"approved_at": "2026-03-02T00:00:00Z",
	"due": "2027-03-02T00:00:00Z",
	"communicated_at": "2026-03-04T00:00:00Z",
}

policy(topic, attrs) := testing.evidence("policy", upper(topic), object.union({"topic": topic}, attrs))

full_set := [policy(topic, approved) | some topic in [
	"information_security", "access_control", "cryptography", "backup",
	"acceptable_use", "supplier_security", "incident_management",
]]

# swap replaces the policy of a topic in the full set.
swap(topic, p) := array.concat([q | some q in full_set; q.attributes.topic != topic], [p])

test_pass_all_policies_current_and_communicated if {
	count(check.deny) == 0 with data.facts as testing.facts(full_set) with data.run as run
}

test_pass_draft_revision_beside_approved_version if {
	draft := testing.evidence("policy", "BACKUP-v2", {"topic": "backup", "status": "draft"})
	count(check.deny) == 0 with data.facts as testing.facts(array.concat(full_set, [draft])) with data.run as run
}

test_pass_no_evidence_nothing_reported if {
	count(check.deny) == 0 with data.facts as testing.facts([]) with data.run as run
}

test_fail_top_level_policy_missing if {
	rest := [p | some p in full_set; p.attributes.topic != "information_security"]
	check.deny == {{
		"msg": "no information security policy on file",
		"resource": "missing:policy/information_security",
		"details": {"expected_kind": "policy"},
		"severity": "high",
	}} with data.facts as testing.facts(rest) with data.run as run
}

test_fail_topic_policy_overdue if {
	stale := policy("cryptography", object.union(approved, {"due": "2026-11-19T00:00:00Z"}))
	facts := testing.facts(swap("cryptography", stale))
	check.deny == {{
		"msg": "cryptography policy CRYPTOGRAPHY cannot be relied on: its review was due on 2026-11-19",
		"resource": "policy/CRYPTOGRAPHY",
		"severity": "medium",
	}} with data.facts as facts with data.run as run
}

test_pass_review_due_on_effective_date if {
	due_today := policy("cryptography", object.union(approved, {"due": "2026-11-20T00:00:00Z"}))
	facts := testing.facts(swap("cryptography", due_today))
	count(check.deny) == 0 with data.facts as facts with data.run as run
}

test_fail_only_draft if {
	draft := policy("backup", {"status": "draft"})
	facts := testing.facts(swap("backup", draft))
	[f.msg | some f in check.deny] == ["no approved backup policy is in force: BACKUP is draft"] with data.facts as facts
		with data.run as run
}

test_fail_not_communicated if {
	silent := policy("information_security", object.remove(approved, ["communicated_at"]))
	facts := testing.facts(swap("information_security", silent))
	check.deny == {{
		"msg": "information security policy INFORMATION_SECURITY was approved on 2026-03-02 but there is no record that it was communicated (communicated_at)",
		"resource": "policy/INFORMATION_SECURITY",
		"severity": "high",
	}} with data.facts as facts with data.run as run
}

test_fail_other_policy_unapproved if {
	clear_desk := policy("clear_desk", {"due": "2027-01-01T00:00:00Z"})
	check.deny == {{
		"msg": "clear desk policy CLEAR_DESK cannot be relied on: it is not approved (approved_by and approved_at are missing)",
		"resource": "policy/CLEAR_DESK",
		"severity": "medium",
	}} with data.facts as testing.facts(array.concat(full_set, [clear_desk])) with data.run as run
}

test_pass_other_policy_retired if {
	old := policy("clear_desk", {"status": "retired"})
	count(check.deny) == 0 with data.facts as testing.facts(array.concat(full_set, [old])) with data.run as run
}

test_pass_judges_every_policy_in_force if {
	draft := testing.evidence("policy", "BACKUP-v2", {"topic": "backup", "status": "draft"})
	judged := check.judged with data.facts as testing.facts(array.concat(full_set, [draft])) with data.run as run
	count(judged) == 7
	not "policy/BACKUP-v2" in judged
}

test_pass_no_evidence_nothing_judged if {
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
