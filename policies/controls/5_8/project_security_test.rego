package annexa.controls.c5_8.project_security_test

import data.annexa.controls.c5_8.project_security as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approval := {"approved_by": "lena@example.com", "approved_at": "2026-09-01T00:00:00Z", "due": "2027-03-01T00:00:00Z"}

register(entries) := testing.evidence("project_register", "PROJECTS", object.union(approval, {"entries": entries}))

aurora := {
	"id": "PRJ-014", "name": "Aurora migration", "status": "active",
	"security_assessed_at": "2026-06-22T00:00:00Z", "security_requirements": true,
}

test_pass_active_project_assessed if {
	planned := {"id": "PRJ-020", "name": "SIEM", "status": "planned"}
	closed := {"id": "PRJ-002", "name": "Old", "status": "closed", "security_requirements": false}
	count(check.deny) == 0 with data.facts as testing.facts([register([aurora, planned, closed])]) with data.run as run
}

test_fail_active_project_unassessed_without_requirements if {
	bare := {"id": "PRJ-016", "name": "Open banking API", "status": "active"}
	[f.msg | some f in check.deny] == [
		"active project PRJ-016 (Open banking API) has no defined security requirements (security_requirements is not true)",
		"active project PRJ-016 (Open banking API) has no information security risk assessment (security_assessed_at)",
	] with data.facts as testing.facts([register([aurora, bare])]) with data.run as run
}

test_fail_assessment_older_than_12_months if {
	old := object.union(aurora, {"security_assessed_at": "2025-11-19T00:00:00Z"})
	check.deny == {{
		"msg": "active project PRJ-014 (Aurora migration) was last assessed for information security risks on 2025-11-19, more than 12 months ago",
		"resource": "project_register/PROJECTS#PRJ-014",
	}} with data.facts as testing.facts([register([old])]) with data.run as run
}

test_fail_missing_register if {
	other := testing.evidence("policy", "P", {"topic": "backup"})
	[f.resource | some f in check.deny] == ["missing:project_register"] with data.facts as testing.facts([other])
		with data.run as run
}

test_pass_judges_the_register if {
	check.judged == {"project_register/PROJECTS"} with data.facts as testing.facts([register([aurora])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
