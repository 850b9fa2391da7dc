package annexa.clauses.c8_1_test

import data.annexa.clauses.c8_1 as rule

ctl(theme, status, findings) := {"theme": theme, "status": status, "title": "T", "findings": findings, "assessed": 3}

run(controls) := {"effective_time_ns": 1795132800000000000, "controls": controls}

eval(controls) := r if {
	r := {"status": rule.status, "gaps": {g.msg | some g in rule.gaps}} with data.run as run(controls)
}

test_pass_assessed_operational_controls_pass if {
	r := eval({
		"8.24": ctl("technological", "pass", 0),
		"8.13": ctl("technological", "not_assessed", 0),
		"5.22": ctl("organizational", "pass", 0),
		"5.1": ctl("organizational", "fail", 2),
	})
	r.status == "conformant"
}

test_fail_technological_control_fails if {
	r := eval({"8.24": ctl("technological", "fail", 1), "8.13": ctl("technological", "pass", 0)})
	r.status == "partial"
	r.gaps == {"Control A.8.24 (T) fails with 1 finding(s)"}
}

test_fail_waived_control_is_a_gap_as_if_open if {
	waived := object.union(ctl("technological", "waived", 2), {"waived": 2})
	r := eval({"8.24": waived, "8.13": ctl("technological", "pass", 0)})
	r.status == "partial"
	r.gaps == {"Control A.8.24 (T) fails with 2 finding(s), 2 waived"}
}

test_fail_every_assessed_control_fails if {
	eval({"8.24": ctl("technological", "fail", 1), "5.22": ctl("organizational", "fail", 1)}).status == "nonconformant"
}

test_pass_not_applicable_is_left_out if {
	eval({"8.24": ctl("technological", "not_applicable", 1), "8.13": ctl("technological", "pass", 0)}).status == "conformant"
}

test_pass_not_assessed_when_nothing_assessed if {
	eval({"8.24": ctl("technological", "not_assessed", 0)}).status == "not_assessed"
}
