package annexa.controls.c5_16.identity_lifecycle_test

import data.annexa.controls.c5_16.identity_lifecycle as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

dana := {"id": "dana@example.com", "start_date": "2019-03-01T00:00:00Z"}

leaver(revoked) := object.union(
	{"id": "kevin@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
	revoked,
)

people(entries) := testing.evidence("personnel_register", "HR", {"entries": entries})

test_pass_revoked_on_last_day if {
	facts := testing.facts([people([dana, leaver({"access_revoked_at": "2026-08-29T00:00:00Z"})])])
	count(check.deny) == 0 with data.facts as facts with data.run as run
}

test_pass_revoked_next_day if {
	facts := testing.facts([people([dana, leaver({"access_revoked_at": "2026-08-30T00:00:00Z"})])])
	count(check.deny) == 0 with data.facts as facts with data.run as run
}

test_pass_future_leaver_not_yet_judged if {
	later := {"id": "nadia@example.com", "start_date": "2024-01-08T00:00:00Z", "end_date": "2026-12-31T00:00:00Z"}
	count(check.deny) == 0 with data.facts as testing.facts([people([dana, later])]) with data.run as run
}

test_fail_revoked_late if {
	facts := testing.facts([people([dana, leaver({"access_revoked_at": "2026-09-02T00:00:00Z"})])])
	check.deny == {{
		"msg": "kevin@example.com left on 2026-08-29 but their access was revoked only on 2026-09-02, more than 1 day later",
		"resource": "personnel_register/HR#kevin@example.com",
	}} with data.facts as facts with data.run as run
}

test_fail_revocation_not_recorded if {
	[f.msg | some f in check.deny] == ["kevin@example.com left on 2026-08-29 but there is no record that their access was revoked (access_revoked_at)"] with data.facts as testing.facts([people([leaver({})])])
		with data.run as run
}

test_fail_duplicate_identity if {
	twin := object.union(dana, {"start_date": "2024-05-01T00:00:00Z"})
	check.deny == {{
		"msg": "dana@example.com appears twice in the personnel register with overlapping employment (from 2019-03-01 and from 2024-05-01); each person needs one identity",
		"resource": "personnel_register/HR#dana@example.com",
	}} with data.facts as testing.facts([people([dana, twin])]) with data.run as run
}

test_pass_rehire_is_not_a_duplicate if {
	first := leaver({"access_revoked_at": "2026-08-29T00:00:00Z"})
	rehired := {"id": "kevin@example.com", "start_date": "2026-11-02T00:00:00Z"}
	count(check.deny) == 0 with data.facts as testing.facts([people([first, rehired])]) with data.run as run
}

test_fail_missing_register if {
	[f.resource | some f in check.deny] == ["missing:personnel_register"] with data.facts as testing.facts([testing.evidence("policy", "P", {"topic": "backup"})])
		with data.run as run
}

test_pass_judges_the_register if {
	facts := testing.facts([people([dana, leaver({"access_revoked_at": "2026-08-29T00:00:00Z"})])])
	check.judged == {"personnel_register/HR"} with data.facts as facts with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
