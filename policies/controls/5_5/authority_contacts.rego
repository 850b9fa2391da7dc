# METADATA
# title: Authority contacts listed and verified yearly
# description: |
#   The contact register is approved and inside its review period, lists at
#   least one authority (entry type authority: regulators, data protection
#   authority, law enforcement, national CSIRT) and every authority contact
#   was verified within the last 12 months (verified_at), so that the
#   organisation knows whom to tell, and how, when an incident or a legal
#   obligation calls for it.
# custom:
#   controls: ["5.5"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:contact_register"]
#   remediation: |
#     List the authorities the organisation must or may contact (regulators,
#     the data protection authority, police, the national CSIRT) with their
#     reporting channels, check each channel at least yearly and record
#     verified_at.
package annexa.controls.c5_5.authority_contacts

import data.annexa.lib.evidence
import data.annexa.lib.governance

deny contains f if {
	some f in governance.register_findings("contact_register", "contact register")
}

deny contains f if {
	some f in governance.contact_findings("authority", "authority contact", "authorities", 12)
}

# judged are the contact registers: their standing and their authority
# contacts.
judged := evidence.ids(["contact_register"])
