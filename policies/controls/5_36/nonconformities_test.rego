package annexa.controls.c5_36.nonconformities_test

import data.annexa.controls.c5_36.nonconformities as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("nonconformity_register", "NCR", {"entries": entries})

nc(id, attrs) := object.union(
	{"id": id, "raised_at": "2026-03-20T00:00:00Z", "description": "Leaver access not revoked same day", "status": "open", "due_at": "2026-12-31T00:00:00Z"},
	attrs,
)

audit(ncs) := testing.evidence("internal_audit", "IA-2026-1", {"performed_at": "2026-03-16T00:00:00Z", "auditor": "fatima@example.com", "nonconformities": ncs})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_tracked_and_on_time if {
	deny([
		audit(["NC-1", "NC-2"]),
		register([
			nc("NC-1", {}),
			nc("NC-2", {"status": "closed", "closed_at": "2026-05-01T00:00:00Z", "corrective_action": "Offboarding checklist automated", "due_at": "2026-04-30T00:00:00Z"}),
		]),
	]) == set()
}

test_fail_overdue if {
	deny([register([nc("NC-3", {"due_at": "2026-09-30T00:00:00Z"})])]) == {{
		"msg": "nonconformity NC-3, raised on 2026-03-20, is still open past its due date 2026-09-30",
		"resource": "nonconformity_register/NCR#NC-3",
		"details": {"id": "NC-3", "status": "open", "raised_at": "2026-03-20", "due_at": "2026-09-30"},
	}}
}

test_pass_due_today if {
	deny([register([nc("NC-3", {"due_at": "2026-11-20T00:00:00Z"})])]) == set()
}

test_fail_open_without_due_date if {
	fs := deny([register([object.remove(nc("NC-4", {}), ["due_at"])])])
	[f.msg | some f in fs] == ["nonconformity NC-4, raised on 2026-03-20, is open without a due date for its correction (due_at)"]
}

test_fail_closed_without_corrective_action if {
	fs := deny([register([nc("NC-5", {"status": "closed"})])])
	[f.msg | some f in fs] == ["nonconformity NC-5 is closed but does not record the corrective action taken"]
}

test_fail_audit_nonconformity_not_registered if {
	deny([audit(["NC-1", "NC-9", "NC-8"]), register([nc("NC-1", {})])]) == {{
		"msg": "internal audit IA-2026-1 raised nonconformities that are not in the nonconformity register: NC-8, NC-9",
		"resource": "internal_audit/IA-2026-1",
		"details": {"nonconformities": ["NC-8", "NC-9"]},
	}}
}

test_fail_register_missing if {
	[f.resource | some f in deny([audit(["NC-1"])])] == ["missing:nonconformity_register"]
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_nonconformities_and_audits if {
	judged := check.judged with data.facts as testing.facts([audit(["NC-1"]), register([nc("NC-1", {})])]) with data.run as run
	judged == {"nonconformity_register/NCR#NC-1", "internal_audit/IA-2026-1"}
	count(check.judged) == 0 with data.facts as testing.facts([register([])]) with data.run as run
}
