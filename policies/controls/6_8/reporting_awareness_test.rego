package annexa.controls.c6_8.reporting_awareness_test

import data.annexa.controls.c6_8.reporting_awareness as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

register := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "ana@example.com", "name": "Ana Silva", "start_date": "2022-03-01T00:00:00Z"},
	{"id": "jo@example.com", "start_date": "2026-11-01T00:00:00Z"},
]})

course(controls, date) := testing.evidence("training_record", "SAT", {
	"course": "Security awareness",
	"controls": controls,
	"entries": [{"person": "ana@example.com", "completed_at": date}],
})

deny(list) := fs if {
	fs := check.deny with data.facts as testing.facts(list) with data.run as run
}

test_pass_course_covers_reporting if {
	deny([register, course(["6.3", "6.8"], "2026-02-01T00:00:00Z")]) == set()
}

test_fail_course_does_not_cover_reporting if {
	deny([register, course(["6.3"], "2026-02-01T00:00:00Z")]) == {{
		"msg": "Ana Silva (ana@example.com) started on 2022-03-01 and has no training on reporting security events on file; it was due within 30 days of starting, by 2022-03-31",
		"resource": "personnel_register/HR#ana@example.com",
		"details": {"person": "ana@example.com", "start_date": "2022-03-01", "due": "2022-03-31"},
	}}
}

test_fail_stale if {
	fs := deny([register, course(["6.8"], "2025-06-01T00:00:00Z")])
	[f.msg | some f in fs] == ["Ana Silva (ana@example.com) last completed training on reporting security events on 2025-06-01; the 12-month refresher was due by 2026-06-01"]
}

test_pass_judges_current_staff if {
	judged := check.judged with data.facts as testing.facts([register, course(["6.8"], "2026-02-01T00:00:00Z")]) with data.run as run
	judged == {"personnel_register/HR#ana@example.com", "personnel_register/HR#jo@example.com"}
	count(check.judged) == 0 with data.facts as testing.facts([course(["6.8"], "2026-02-01T00:00:00Z")]) with data.run as run
}
