package annexa.controls.c5_34.personal_data_breaches_test

import data.annexa.controls.c5_34.personal_data_breaches as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("incident_register", "IR", {"entries": entries})

breach(id, attrs) := object.union(
	{
		"id": id, "reported_at": "2026-04-07T09:00:00Z", "classification": "incident", "severity": "high", "status": "closed",
		"personal_data": true, "assessed_at": "2026-04-07T15:00:00Z", "notification_required": true,
		"authority_notified_at": "2026-04-09T17:00:00Z",
	},
	attrs,
)

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_assessed_and_notified_in_time if {
	deny([register([
		breach("INC-1", {}),
		object.remove(breach("INC-2", {"notification_required": false}), ["authority_notified_at"]),
		{"id": "INC-3", "reported_at": "2026-05-01T00:00:00Z", "classification": "incident", "status": "closed", "personal_data": false},
		{"id": "EV-1", "reported_at": "2026-05-01T00:00:00Z", "classification": "event", "status": "closed"},
	])]) == set()
}

test_fail_notified_late if {
	deny([register([breach("INC-4", {"authority_notified_at": "2026-04-10T10:00:00Z"})])]) == {{
		"msg": "personal data breach INC-4, reported on 2026-04-07, was notified to the supervisory authority only on 2026-04-10, 73 hours after it was reported; the deadline is 72 hours",
		"resource": "incident_register/IR#INC-4",
		"details": {
			"id": "INC-4", "classification": "incident", "severity": "high", "status": "closed",
			"reported_at": "2026-04-07", "authority_notified_at": "2026-04-10",
		},
	}}
}

test_fail_not_notified if {
	fs := deny([register([object.remove(breach("INC-5", {}), ["authority_notified_at"])])])
	[f.msg | some f in fs] == ["personal data breach INC-5, reported on 2026-04-07, is notifiable but the supervisory authority has not been notified (authority_notified_at); the deadline is 72 hours"]
}

test_pass_notifiable_breach_still_within_72_hours if {
	deny([register([object.remove(breach("INC-6", {"reported_at": "2026-11-18T09:00:00Z", "assessed_at": "2026-11-18T12:00:00Z"}), ["authority_notified_at"])])]) == set()
}

test_fail_no_notification_decision if {
	fs := deny([register([object.remove(breach("INC-7", {}), ["notification_required"])])])
	[f.msg | some f in fs] == ["personal data breach INC-7, reported on 2026-04-07, has no recorded decision on notifying the supervisory authority (notification_required); the deadline is 72 hours"]
}

test_fail_unassessed if {
	fs := deny([register([object.remove(breach("INC-8", {}), ["assessed_at", "notification_required", "authority_notified_at"])])])
	[f.msg | some f in fs] == ["personal data breach INC-8, reported on 2026-04-07, has not been assessed (assessed_at); the deadline is 72 hours"]
}

test_fail_assessed_late if {
	fs := deny([register([object.remove(breach("INC-9", {"assessed_at": "2026-04-11T09:00:00Z", "notification_required": false}), ["authority_notified_at"])])])
	[f.msg | some f in fs] == ["personal data breach INC-9, reported on 2026-04-07, was assessed only on 2026-04-11, 96 hours after it was reported; the deadline is 72 hours"]
}

test_pass_late_notification_before_audit_period if {
	deny([register([breach("INC-10", {"reported_at": "2025-04-07T09:00:00Z", "assessed_at": "2025-04-07T10:00:00Z", "authority_notified_at": "2025-04-14T00:00:00Z"})])]) == set()
}

test_fail_personal_data_not_recorded if {
	fs := deny([register([{"id": "INC-11", "reported_at": "2026-05-01T00:00:00Z", "classification": "incident", "status": "open"}])])
	[[f.msg, f.severity] | some f in fs] == [["incident INC-11 does not record whether personal data was involved (personal_data)", "medium"]]
}

test_fail_register_missing if {
	other := testing.evidence("policy", "P", {"topic": "privacy"})
	[f.resource | some f in deny([other])] == ["missing:incident_register"]
}

test_pass_judges_incidents if {
	check.judged == {"incident_register/IR#INC-1"} with data.facts as testing.facts([register([breach("INC-1", {})])]) with data.run as run
	event := {"id": "EV-1", "reported_at": "2026-05-01T00:00:00Z", "classification": "event", "status": "closed"}
	count(check.judged) == 0 with data.facts as testing.facts([register([event])]) with data.run as run
}
