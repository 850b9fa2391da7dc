# METADATA
# title: Special interest groups listed, verified yearly
# description: |
#   The contact register is approved and inside its review period, lists at
#   least one special interest group, forum or information sharing
#   community (entry type special_interest_group), and every membership was
#   verified within the last 12 months (verified_at), so that the
#   organisation still receives the alerts and advice it joined for.
# custom:
#   controls: ["5.6"]
#   severity: low
#   coverage: partial
#   inputs: ["evidence:contact_register"]
#   remediation: |
#     Join the security forums and information sharing communities relevant
#     to the business (a national sharing platform, a sector ISAC, OWASP),
#     list them in the contact register and confirm each membership at least
#     yearly, recording verified_at.
package annexa.controls.c5_6.special_interest_groups

import data.annexa.lib.evidence
import data.annexa.lib.governance

deny contains f if {
	some f in governance.register_findings("contact_register", "contact register")
}

deny contains f if {
	some f in governance.contact_findings("special_interest_group", "special interest group", "special interest groups", 12)
}

# judged are the contact registers: their standing and their special
# interest groups.
judged := evidence.ids(["contact_register"])
