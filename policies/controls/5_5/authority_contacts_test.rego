package annexa.controls.c5_5.authority_contacts_test

import data.annexa.controls.c5_5.authority_contacts as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approval := {"approved_by": "sam@example.com", "approved_at": "2026-05-06T00:00:00Z", "due": "2027-05-06T00:00:00Z"}

register(entries) := testing.evidence("contact_register", "CONTACTS", object.union(approval, {"entries": entries}))

ico := {"id": "ico", "organisation": "Information Commissioner's Office", "type": "authority", "verified_at": "2026-05-06T00:00:00Z"}

sig := {"id": "owasp", "organisation": "OWASP London", "type": "special_interest_group", "verified_at": "2026-09-03T00:00:00Z"}

test_pass_authority_verified if {
	count(check.deny) == 0 with data.facts as testing.facts([register([ico, sig])]) with data.run as run
}

test_pass_verified_exactly_12_months_ago if {
	edge := object.union(ico, {"verified_at": "2025-11-20T00:00:00Z"})
	count(check.deny) == 0 with data.facts as testing.facts([register([edge])]) with data.run as run
}

test_fail_verification_stale if {
	old := object.union(ico, {"verified_at": "2025-11-19T00:00:00Z"})
	check.deny == {{
		"msg": "authority contact ico (Information Commissioner's Office) was last verified on 2025-11-19, more than 12 months ago",
		"resource": "contact_register/CONTACTS#ico",
	}} with data.facts as testing.facts([register([old, sig])]) with data.run as run
}

test_fail_never_verified if {
	never := object.remove(ico, ["verified_at"])
	[f.msg | some f in check.deny] == ["authority contact ico (Information Commissioner's Office) has never been verified (verified_at)"] with data.facts as testing.facts([register([never])])
		with data.run as run
}

test_fail_no_authorities if {
	check.deny == {{
		"msg": "contact register CONTACTS lists no authorities",
		"resource": "contact_register/CONTACTS",
	}} with data.facts as testing.facts([register([sig])]) with data.run as run
}

test_fail_missing_register if {
	other := testing.evidence("policy", "P", {"topic": "backup"})
	[f.resource | some f in check.deny] == ["missing:contact_register"] with data.facts as testing.facts([other])
		with data.run as run
}

test_pass_no_evidence if {
	count(check.deny) == 0 with data.facts as testing.facts([]) with data.run as run
}

test_pass_judges_the_register if {
	check.judged == {"contact_register/CONTACTS"} with data.facts as testing.facts([register([ico, sig])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([]) with data.run as run
}
