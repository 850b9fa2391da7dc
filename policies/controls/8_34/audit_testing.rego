# METADATA
# title: Tests of operational systems agreed with management beforehand
# description: |
#   Audits and other assurance activities that test operational systems
#   must be planned and agreed between the tester and management before
#   they start. Judged: internal audits with technical_testing: true, and
#   security tests run against production (security_test environment
#   production). Each needs testing_agreed_by and testing_agreed_at, agreed
#   no later than the day it was performed, by someone other than the
#   auditor or tester. Audits and tests dated after the effective time are
#   not judged. Whether access was read-only and tests ran outside business
#   hours is for the auditor to check.
# custom:
#   controls: ["8.34"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:internal_audit", "evidence:security_test"]
#   remediation: |
#     Before a technical audit or a test of production, agree its scope,
#     timing, access and safeguards with the system owner, and record who
#     agreed and when (testing_agreed_by, testing_agreed_at).
package annexa.controls.c8_34.audit_testing

import data.annexa.lib.evidence
import data.annexa.lib.governance

deny contains f if {
	some t in tests
	not agreed(t.record)
	f := {
		"msg": sprintf("%s %s on %s tested operational systems without a recorded agreement with management (testing_agreed_by, testing_agreed_at)", [t.what, t.record.attributes.id, evidence.day(t.record.attributes.performed_at)]),
		"resource": t.record.id,
	}
}

deny contains f if {
	some t in tests
	agreed(t.record)
	a := t.record.attributes
	evidence.ns(a.testing_agreed_at) > evidence.ns(a.performed_at)
	f := {
		"msg": sprintf("%s %s was performed on %s but only agreed on %s", [t.what, a.id, evidence.day(a.performed_at), evidence.day(a.testing_agreed_at)]),
		"resource": t.record.id,
		"details": {"performed_at": evidence.day(a.performed_at), "testing_agreed_at": evidence.day(a.testing_agreed_at)},
	}
}

deny contains f if {
	some t in tests
	agreed(t.record)
	a := t.record.attributes
	governance.same_person(a.testing_agreed_by, t.tester)
	f := {
		"msg": sprintf("%s %s was agreed by %s, who also performed it", [t.what, a.id, a.testing_agreed_by]),
		"resource": t.record.id,
		"details": {"testing_agreed_by": a.testing_agreed_by},
	}
}

# tests lists the audits and security tests that touched operational
# systems by now, with how messages name them and who performed them.
tests := array.concat(
	[{"record": r, "what": "technical audit", "tester": r.attributes.auditor} |
		some r in evidence.records("internal_audit")
		r.attributes.technical_testing == true
		not evidence.in_future(r.attributes.performed_at)
	],
	[{"record": r, "what": sprintf("%s of production", [replace(r.attributes.test_type, "_", " ")]), "tester": object.get(r.attributes, "tester", "")} |
		some r in evidence.records("security_test")
		r.attributes.environment == "production"
		not evidence.in_future(r.attributes.performed_at)
	],
)

agreed(r) if {
	is_string(r.attributes.testing_agreed_by)
	is_string(r.attributes.testing_agreed_at)
}

# judged are the technical audits and production security tests performed
# by now.
judged := {t.record.id | some t in tests}
