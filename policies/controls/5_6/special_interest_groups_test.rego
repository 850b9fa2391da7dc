package annexa.controls.c5_6.special_interest_groups_test

import data.annexa.controls.c5_6.special_interest_groups as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approval := {"approved_by": "sam@example.com", "approved_at": "2026-05-06T00:00:00Z", "due": "2027-05-06T00:00:00Z"}

register(entries) := testing.evidence("contact_register", "CONTACTS", object.union(approval, {"entries": entries}))

ico := {"id": "ico", "organisation": "Information Commissioner's Office", "type": "authority", "verified_at": "2026-05-06T00:00:00Z"}

cisp := {"id": "cisp", "organisation": "NCSC CiSP", "type": "special_interest_group", "verified_at": "2026-07-14T00:00:00Z"}

test_pass_membership_current if {
	count(check.deny) == 0 with data.facts as testing.facts([register([ico, cisp])]) with data.run as run
}

test_fail_membership_lapsed if {
	lapsed := object.union(cisp, {"verified_at": "2025-07-14T00:00:00Z"})
	check.deny == {{
		"msg": "special interest group cisp (NCSC CiSP) was last verified on 2025-07-14, more than 12 months ago",
		"resource": "contact_register/CONTACTS#cisp",
	}} with data.facts as testing.facts([register([ico, lapsed])]) with data.run as run
}

test_fail_no_groups if {
	[f.msg | some f in check.deny] == ["contact register CONTACTS lists no special interest groups"] with data.facts as testing.facts([register([ico])])
		with data.run as run
}

test_fail_register_unapproved if {
	draft := testing.evidence("contact_register", "CONTACTS", {"entries": [cisp], "status": "draft", "due": "2027-01-01T00:00:00Z"})
	[f.msg | some f in check.deny] == ["contact register CONTACTS cannot be relied on: it is not approved (approved_by and approved_at are missing); its status is draft"] with data.facts as testing.facts([draft])
		with data.run as run
}

test_pass_judges_the_register if {
	check.judged == {"contact_register/CONTACTS"} with data.facts as testing.facts([register([ico, cisp])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
