package annexa.controls.c5_25.event_assessment_test

import data.annexa.controls.c5_25.event_assessment as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("incident_register", "IR", {"entries": entries})

event(id, reported, attrs) := object.union({"id": id, "reported_at": reported, "classification": "event", "status": "closed"}, attrs)

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_assessed_in_time if {
	deny([register([
		event("EV-1", "2026-03-02T09:00:00Z", {"assessed_at": "2026-03-02T11:00:00Z"}),
		event("INC-1", "2026-05-01T00:00:00Z", {"assessed_at": "2026-05-04T00:00:00Z", "classification": "incident", "severity": "medium"}),
	])]) == set()
}

test_fail_unassessed if {
	deny([register([event("EV-2", "2026-11-16T00:00:00Z", {"title": "Suspicious login", "status": "open"})])]) == {{
		"msg": "event EV-2 (Suspicious login), reported on 2026-11-16, has not been assessed (no assessed_at); events are to be assessed within 72 hours",
		"resource": "incident_register/IR#EV-2",
		"details": {"id": "EV-2", "classification": "event", "severity": "unrated", "status": "open", "reported_at": "2026-11-16"},
	}}
}

test_pass_unassessed_but_recent if {
	deny([register([event("EV-3", "2026-11-17T00:00:00Z", {"status": "open"})])]) == set()
}

test_fail_assessed_late if {
	fs := deny([register([event("EV-4", "2026-05-01T00:00:00Z", {"assessed_at": "2026-05-05T00:00:00Z"})])])
	[f.msg | some f in fs] == ["event EV-4, reported on 2026-05-01, was assessed only on 2026-05-05, 96 hours later; events are to be assessed within 72 hours"]
}

test_pass_late_assessment_before_audit_period if {
	deny([register([event("EV-5", "2025-05-01T00:00:00Z", {"assessed_at": "2025-05-09T00:00:00Z"})])]) == set()
}

test_fail_assessed_before_reported if {
	fs := deny([register([event("EV-6", "2026-05-03T00:00:00Z", {"assessed_at": "2026-05-01T00:00:00Z"})])])
	[f.msg | some f in fs] == ["event EV-6 is recorded as assessed on 2026-05-01, before it was reported on 2026-05-03"]
}

test_fail_incident_without_severity if {
	fs := deny([register([event("INC-2", "2026-06-01T00:00:00Z", {"assessed_at": "2026-06-01T00:00:00Z", "classification": "incident"})])])
	[f.msg | some f in fs] == ["incident INC-2 has no severity, so the priority of its response was never decided"]
}

test_fail_register_missing if {
	other := testing.evidence("plan", "P", {"topic": "incident_response"})
	[f.resource | some f in deny([other])] == ["missing:incident_register"]
}

test_pass_empty_register if {
	deny([register([])]) == set()
}

test_pass_judges_every_event if {
	judged := check.judged with data.facts as testing.facts([register([event("EV-1", "2026-03-02T09:00:00Z", {"assessed_at": "2026-03-02T11:00:00Z"})])]) with data.run as run
	judged == {"incident_register/IR#EV-1"}
	count(check.judged) == 0 with data.facts as testing.facts([register([])]) with data.run as run
}
