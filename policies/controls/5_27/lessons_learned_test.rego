package annexa.controls.c5_27.lessons_learned_test

import data.annexa.controls.c5_27.lessons_learned as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register(entries) := testing.evidence("incident_register", "IR", {"entries": entries})

incident(id, attrs) := object.union(
	{
		"id": id, "reported_at": "2026-06-01T00:00:00Z", "classification": "incident", "severity": "medium",
		"status": "closed", "closed_at": "2026-06-04T00:00:00Z", "lessons_learned": "MFA enforced for the finance mailbox",
	},
	attrs,
)

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_lessons_recorded if {
	deny([register([
		incident("INC-1", {}),
		{"id": "EV-1", "reported_at": "2026-01-01T00:00:00Z", "classification": "event", "status": "closed"},
		object.remove(incident("INC-2", {"status": "open"}), ["lessons_learned", "closed_at"]),
	])]) == set()
}

test_fail_no_lessons if {
	deny([register([object.remove(incident("INC-3", {"title": "Phishing"}), ["lessons_learned"])])]) == {{
		"msg": "incident INC-3 (Phishing) was closed on 2026-06-04 and has no lessons-learned record",
		"resource": "incident_register/IR#INC-3",
		"details": {"id": "INC-3", "classification": "incident", "severity": "medium", "status": "closed", "reported_at": "2026-06-01"},
	}}
}

test_pass_review_still_within_14_days if {
	deny([register([object.remove(incident("INC-4", {"closed_at": "2026-11-06T00:00:00Z"}), ["lessons_learned"])])]) == set()
}

test_fail_review_15_days_after_closing if {
	fs := deny([register([object.remove(incident("INC-5", {"closed_at": "2026-11-05T00:00:00Z"}), ["lessons_learned"])])])
	count(fs) == 1
}

test_fail_closed_without_date if {
	fs := deny([register([object.remove(incident("INC-6", {}), ["lessons_learned", "closed_at"])])])
	[f.msg | some f in fs] == ["incident INC-6 was closed and has no lessons-learned record"]
}

test_fail_register_missing if {
	other := testing.evidence("plan", "P", {"topic": "incident_response"})
	[f.resource | some f in deny([other])] == ["missing:incident_register"]
}

test_pass_judges_closed_incidents_due_a_review if {
	check.judged == {"incident_register/IR#INC-1"} with data.facts as testing.facts([register([incident("INC-1", {})])]) with data.run as run
	recent := object.remove(incident("INC-4", {"closed_at": "2026-11-06T00:00:00Z"}), ["lessons_learned"])
	open := object.remove(incident("INC-2", {"status": "open"}), ["lessons_learned", "closed_at"])
	count(check.judged) == 0 with data.facts as testing.facts([register([recent, open])]) with data.run as run
}
