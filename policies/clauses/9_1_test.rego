package annexa.clauses.c9_1_test

import data.annexa.clauses.c9_1 as rule
import data.annexa.lib.testing

run(controls) := {"effective_time_ns": 1795132800000000000, "effective_time": "2026-11-20T00:00:00Z", "controls": controls}

assessed := {"8.24": {"status": "pass"}, "8.13": {"status": "fail"}, "7.4": {"status": "not_assessed"}}

people := testing.evidence("personnel_register", "HR", {"entries": [{"id": "sam@example.com", "start_date": "2020-01-06T00:00:00Z"}]})

plan(metrics) := testing.evidence("document", "MM", {
	"topic": "monitoring_measurement", "metrics": metrics,
	"approved_by": "sam@example.com", "approved_at": "2026-02-01T00:00:00Z", "due": "2027-02-01T00:00:00Z",
})

metric := {"name": "Control pass rate", "method": "annexa check", "frequency": "weekly", "owner": "sam@example.com"}

eval(list, controls) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}, "met": {m.msg | some m in rule.met}} with data.facts as testing.facts(list) with data.run as run(controls)
}

test_pass_plan_and_annexa_results if {
	r := eval([people, plan([metric])], assessed)
	r.status == "conformant"
	"annexa evaluated 2 control(s) as of 2026-11-20, 1 passing; its report records the results" in r.met
}

test_fail_results_without_a_plan if {
	r := eval([], assessed)
	r.status == "partial"
	count(r.gaps) == 1
}

test_fail_metric_owner_unknown if {
	r := eval([people, plan([object.union(metric, {"owner": "x@example.com"})])], assessed)
	r.gaps == {"Monitoring and measurement plan MM: metric Control pass rate is owned by x@example.com, who is not in the personnel register"}
}

test_fail_evidence_without_plan if {
	r := eval([people], {})
	r.status == "nonconformant"
}
