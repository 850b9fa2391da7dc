package annexa.controls.c5_7.threat_intelligence_test

import data.annexa.controls.c5_7.threat_intelligence as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approval := {"approved_by": "sam@example.com", "approved_at": "2026-01-12T00:00:00Z", "due": "2027-01-12T00:00:00Z"}

register(entries) := testing.evidence("threat_intel_register", "TI", object.union(approval, {"entries": entries}))

ncsc := {"id": "ncsc-weekly", "source": "NCSC weekly threat report", "type": "strategic", "reviewed_at": "2026-11-06T00:00:00Z"}

test_pass_sources_reviewed if {
	count(check.deny) == 0 with data.facts as testing.facts([register([ncsc])]) with data.run as run
}

test_pass_reviewed_exactly_3_months_ago if {
	edge := object.union(ncsc, {"reviewed_at": "2026-08-20T00:00:00Z"})
	count(check.deny) == 0 with data.facts as testing.facts([register([edge])]) with data.run as run
}

test_fail_source_stale if {
	old := object.union(ncsc, {"reviewed_at": "2026-08-19T00:00:00Z"})
	check.deny == {{
		"msg": "threat intelligence source ncsc-weekly (NCSC weekly threat report) was last reviewed on 2026-08-19, more than 3 months ago",
		"resource": "threat_intel_register/TI#ncsc-weekly",
	}} with data.facts as testing.facts([register([old])]) with data.run as run
}

test_fail_source_never_reviewed if {
	[f.msg | some f in check.deny] == ["threat intelligence source ncsc-weekly (NCSC weekly threat report) has never been reviewed (reviewed_at)"] with data.facts as testing.facts([register([object.remove(ncsc, ["reviewed_at"])])])
		with data.run as run
}

test_fail_empty_register if {
	[f.msg | some f in check.deny] == ["threat intelligence register TI lists no sources"] with data.facts as testing.facts([register([])])
		with data.run as run
}

test_fail_missing_register if {
	other := testing.evidence("policy", "P", {"topic": "backup"})
	[f.resource | some f in check.deny] == ["missing:threat_intel_register"] with data.facts as testing.facts([other])
		with data.run as run
}

test_pass_judges_the_register if {
	check.judged == {"threat_intel_register/TI"} with data.facts as testing.facts([register([ncsc])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
