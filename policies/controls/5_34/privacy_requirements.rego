# METADATA
# title: Privacy requirements are registered and complied with
# description: |
#   The legal register lists the privacy and PII protection laws and
#   obligations that apply to the organisation (entries with category
#   privacy: data protection law of each jurisdiction it works in, privacy
#   clauses in customer contracts), and each of them is recorded as
#   complied with (compliant: true). No such requirement, or one not shown
#   to be met, is a finding; one recorded as not met is high. A missing
#   legal register is a finding when other evidence is declared.
# custom:
#   controls: ["5.34"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:legal_register"]
#   remediation: |
#     Add the applicable data protection laws and contractual privacy
#     obligations to the legal register with category privacy, assess
#     compliance (records of processing, DPIAs, processor agreements) and
#     record it.
package annexa.controls.c5_34.privacy_requirements

import data.annexa.lib.legal

deny contains f if {
	some f in legal.category_findings("privacy", "privacy")
}

# judged are the privacy requirements of the legal register.
judged := legal.category_judged("privacy")
