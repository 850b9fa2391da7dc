package annexa.controls.c5_26.incident_response_test

import data.annexa.controls.c5_26.incident_response as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("incident_register", "IR", {"entries": entries})

incident(id, attrs) := object.union(
	{
		"id": id, "reported_at": "2026-06-01T00:00:00Z", "classification": "incident", "severity": "high",
		"status": "closed", "closed_at": "2026-06-04T00:00:00Z", "response": "Revoked the leaked key and rotated secrets",
	},
	attrs,
)

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_closed_with_response if {
	deny([register([
		incident("INC-1", {}),
		{"id": "EV-1", "reported_at": "2026-01-01T00:00:00Z", "classification": "event", "status": "open"},
	])]) == set()
}

test_fail_closed_without_response if {
	deny([register([object.remove(incident("INC-2", {"title": "Leaked key"}), ["response"])])]) == {{
		"msg": "incident INC-2 (Leaked key) is closed but its register entry does not record the response taken",
		"resource": "incident_register/IR#INC-2",
		"severity": "medium",
		"details": {"id": "INC-2", "classification": "incident", "severity": "high", "status": "closed", "reported_at": "2026-06-01"},
	}}
}

test_fail_closed_without_date if {
	fs := deny([register([object.remove(incident("INC-3", {}), ["closed_at"])])])
	[[f.msg, f.severity] | some f in fs] == [["incident INC-3 is closed but its register entry does not record when (closed_at)", "low"]]
}

test_fail_high_open_past_30_days if {
	fs := deny([register([incident("INC-4", {"status": "contained", "reported_at": "2026-10-20T00:00:00Z"})])])
	[[f.msg, f.severity] | some f in fs] == [["incident INC-4, severity high, reported on 2026-10-20, is still contained more than 30 days later", "high"]]
}

test_pass_high_open_exactly_30_days if {
	deny([register([incident("INC-5", {"status": "open", "reported_at": "2026-10-21T00:00:00Z"})])]) == set()
}

test_pass_low_open_for_60_days if {
	deny([register([incident("INC-6", {"status": "open", "severity": "low", "reported_at": "2026-09-21T00:00:00Z"})])]) == set()
}

test_fail_low_open_past_90_days if {
	fs := deny([register([incident("INC-7", {"status": "open", "severity": "low", "reported_at": "2026-08-01T00:00:00Z"})])])
	[[f.details.limit_days, f.severity] | some f in fs] == [[90, "medium"]]
}

test_fail_unrated_open_past_30_days if {
	fs := deny([register([object.remove(incident("INC-8", {"status": "open", "reported_at": "2026-10-01T00:00:00Z"}), ["severity"])])])
	[f.msg | some f in fs] == ["incident INC-8, severity unrated, reported on 2026-10-01, is still open more than 30 days later"]
}

test_fail_register_missing if {
	other := testing.evidence("plan", "P", {"topic": "incident_response"})
	[f.resource | some f in deny([other])] == ["missing:incident_register"]
}

test_pass_judges_incidents_not_events if {
	event := {"id": "EV-1", "reported_at": "2026-01-01T00:00:00Z", "classification": "event", "status": "open"}
	check.judged == {"incident_register/IR#INC-1"} with data.facts as testing.facts([register([incident("INC-1", {}), event])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([register([event])]) with data.run as run
}
