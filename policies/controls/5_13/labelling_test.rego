package annexa.controls.c5_13.labelling_test

import data.annexa.controls.c5_13.labelling as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

procedure(attrs) := testing.evidence("procedure", "LBL", object.union(
	{
		"topic": "information_labelling",
		"approved_by": "sam@example.com",
		"approved_at": "2026-03-02T00:00:00Z",
		"due": "2027-03-02T00:00:00Z",
	},
	attrs,
))

scheme(approved_at) := testing.evidence("policy", "CLS", {
	"topic": "information_classification",
	"approved_by": "sam@example.com",
	"approved_at": approved_at,
})

test_pass_procedure_current if {
	count(check.deny) == 0 with data.facts as testing.facts([procedure({}), scheme("2026-03-02T00:00:00Z")]) with data.run as run
}

test_pass_reviewed_after_scheme_change if {
	reviewed := procedure({"reviewed_at": "2026-07-01T00:00:00Z"})
	count(check.deny) == 0 with data.facts as testing.facts([reviewed, scheme("2026-06-15T00:00:00Z")]) with data.run as run
}

test_fail_predates_scheme if {
	check.deny == {{
		"msg": "information labelling procedure LBL was last approved or reviewed on 2026-03-02, before classification policy CLS was approved on 2026-06-15; it may not label the current levels",
		"resource": "procedure/LBL",
	}} with data.facts as testing.facts([procedure({}), scheme("2026-06-15T00:00:00Z")]) with data.run as run
}

test_fail_overdue if {
	[f.msg | some f in check.deny] == ["information labelling procedure LBL cannot be relied on: its review was due on 2026-03-01"] with data.facts as testing.facts([procedure({"due": "2026-03-01T00:00:00Z"})])
		with data.run as run
}

test_fail_missing if {
	[f.resource | some f in check.deny] == ["missing:procedure/information_labelling"] with data.facts as testing.facts([scheme("2026-03-02T00:00:00Z")])
		with data.run as run
}

test_pass_judges_the_procedure if {
	check.judged == {"procedure/LBL"} with data.facts as testing.facts([procedure({}), scheme("2026-03-02T00:00:00Z")]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([scheme("2026-03-02T00:00:00Z")]) with data.run as run
}
