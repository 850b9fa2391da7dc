package annexa.controls.c5_10.acceptable_use_test

import data.annexa.controls.c5_10.acceptable_use as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "dana@example.com", "start_date": "2019-03-01T00:00:00Z"},
	{"id": "jonas@example.com", "start_date": "2026-10-05T00:00:00Z"},
	{"id": "kevin@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
	{"id": "newbie@example.com", "start_date": "2026-11-16T00:00:00Z"},
]})

aup(acks) := testing.evidence("policy", "AUP", {
	"topic": "acceptable_use",
	"approved_by": "lena@example.com",
	"approved_at": "2026-02-02T00:00:00Z",
	"due": "2027-02-02T00:00:00Z",
	"communicated_at": "2026-02-03T00:00:00Z",
	"acknowledgements": acks,
})

ack(person, date) := {"person": person, "acknowledged_at": date}

everyone := [
	ack("dana@example.com", "2026-02-04T00:00:00Z"),
	ack("jonas@example.com", "2026-10-05T00:00:00Z"),
]

test_pass_everyone_acknowledged_new_joiner_in_grace_week if {
	count(check.deny) == 0 with data.facts as testing.facts([people, aup(everyone)]) with data.run as run
}

test_fail_acknowledged_only_previous_version if {
	acks := [ack("dana@example.com", "2025-02-10T00:00:00Z"), ack("jonas@example.com", "2026-10-05T00:00:00Z")]
	check.deny == {{
		"msg": "dana@example.com has not acknowledged acceptable use policy AUP approved on 2026-02-02 (last acknowledged an earlier version on 2025-02-10)",
		"resource": "policy/AUP",
		"details": {"person": "dana@example.com"},
	}} with data.facts as testing.facts([people, aup(acks)]) with data.run as run
}

test_fail_joiner_never_acknowledged if {
	[f.msg | some f in check.deny] == ["jonas@example.com has not acknowledged acceptable use policy AUP approved on 2026-02-02"] with data.facts as testing.facts([people, aup([everyone[0]])])
		with data.run as run
}

test_fail_policy_missing if {
	[f.resource | some f in check.deny] == ["missing:policy/acceptable_use"] with data.facts as testing.facts([people])
		with data.run as run
}

test_fail_personnel_register_missing if {
	[f.resource | some f in check.deny] == ["missing:personnel_register"] with data.facts as testing.facts([aup(everyone)])
		with data.run as run
}

test_fail_not_communicated if {
	silent := testing.evidence("policy", "AUP", object.remove(aup(everyone).attributes, ["communicated_at"]))
	[f.msg | some f in check.deny] == ["acceptable use policy AUP was approved on 2026-02-02 but there is no record that it was communicated (communicated_at)"] with data.facts as testing.facts([people, silent])
		with data.run as run
}

test_pass_judges_the_policy if {
	check.judged == {"policy/AUP"} with data.facts as testing.facts([people, aup(everyone)]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([people]) with data.run as run
}
