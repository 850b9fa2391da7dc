package annexa.controls.c8_32.change_records_test

import data.annexa.controls.c8_32.change_records as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

change(id, attrs) := object.union(
	{
		"id": id, "summary": "Rotate TLS certificate", "system": "payments-api",
		"requested_by": "aiko@x", "requested_at": "2026-10-01T00:00:00Z",
		"approved_by": "priya@x", "approved_at": "2026-10-02T00:00:00Z",
		"implemented_by": "tomasz@x", "implemented_at": "2026-10-03T00:00:00Z",
		"tested": true,
	},
	attrs,
)

log(entries) := testing.evidence("change_record", "CHG-2026-Q4", {"entries": entries})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_approved_tested_segregated if {
	deny([log([
		change("CHG-1", {}),
		change("CHG-2", {"approved_at": "2026-10-03T00:00:00Z"}),
		change("CHG-3", {"implemented_at": null, "approved_at": null, "approved_by": null, "tested": null, "status": "requested"}),
		change("CHG-4", {"approved_at": null, "approved_by": null, "status": "rejected"}),
	])]) == set()
}

test_fail_unapproved if {
	deny([log([change("CHG-1", {"approved_by": null, "approved_at": null})])]) == {{
		"msg": "change CHG-1 (Rotate TLS certificate) to payments-api was implemented on 2026-10-03 without approval",
		"resource": "change_record/CHG-2026-Q4#CHG-1",
		"severity": "high",
		"details": {"change": "CHG-1", "implemented_at": "2026-10-03"},
	}}
}

test_fail_approved_after_implementation if {
	[f.msg | some f in deny([log([change("CHG-1", {"approved_at": "2026-10-05T00:00:00Z"})])])] == ["change CHG-1 (Rotate TLS certificate) to payments-api was implemented on 2026-10-03, before it was approved on 2026-10-05"]
}

test_fail_self_approved if {
	fs := deny([log([change("CHG-1", {"approved_by": "aiko@x"})])])
	[f.details | some f in fs] == [{"change": "CHG-1", "implemented_at": "2026-10-03", "approved_by": "aiko@x", "requested_by": "aiko@x"}]
}

test_fail_approver_deployed if {
	fs := deny([log([change("CHG-1", {"implemented_by": "PRIYA@x"})])])
	[f.msg | some f in fs] == ["change CHG-1 (Rotate TLS certificate) to payments-api was approved by priya@x, who also implemented it"]
}

test_fail_untested if {
	fs := deny([log([change("CHG-1", {"tested": false}), change("CHG-2", {"tested": null})])])
	{f.msg | some f in fs} == {
		"change CHG-1 (Rotate TLS certificate) to payments-api was not tested before implementation (tested: false)",
		"change CHG-2 (Rotate TLS certificate) to payments-api has no record that it was tested before implementation (tested)",
	}
}

test_pass_emergency_approved_within_7_days if {
	deny([log([change("CHG-9", {"emergency": true, "tested": false, "approved_at": "2026-10-10T00:00:00Z"})])]) == set()
}

test_pass_recent_emergency_awaiting_approval if {
	deny([log([change("CHG-9", {"emergency": true, "approved_by": null, "approved_at": null, "implemented_at": "2026-11-14T00:00:00Z"})])]) == set()
}

test_fail_emergency_without_retrospective_approval if {
	fs := deny([log([change("CHG-9", {"emergency": true, "approved_by": null, "approved_at": null, "implemented_at": "2026-11-12T00:00:00Z"})])])
	[f.msg | some f in fs] == ["emergency change CHG-9 (Rotate TLS certificate) to payments-api was implemented on 2026-11-12 and has no retrospective approval; it was due within 7 days"]
}

test_fail_emergency_approved_late if {
	fs := deny([log([change("CHG-9", {"emergency": true, "approved_at": "2026-10-11T00:00:00Z"})])])
	count(fs) == 1
}

test_pass_future_change_not_judged if {
	deny([log([change("CHG-1", {"approved_by": null, "approved_at": null, "implemented_at": "2026-12-01T00:00:00Z"})])]) == set()
}

test_fail_missing_records if {
	other := testing.evidence("procedure", "P", {"topic": "change_management"})
	deny([other]) == {{"msg": "no change records on file", "resource": "missing:change_record", "details": {"expected_kind": "change_record"}}}
}

test_pass_no_evidence if {
	deny([]) == set()
}

test_pass_judges_implemented_changes_only if {
	planned := change("CHG-3", {"implemented_at": null, "approved_at": null, "approved_by": null, "tested": null, "status": "requested"})
	check.judged == {"change_record/CHG-2026-Q4#CHG-1"} with data.facts as testing.facts([log([change("CHG-1", {}), planned])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([log([planned])]) with data.run as run
}
