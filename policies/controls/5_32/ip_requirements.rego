# METADATA
# title: Intellectual property requirements are registered and complied with
# description: |
#   The legal register lists the intellectual property requirements that
#   apply to the organisation (entries with category
#   intellectual_property: software licence terms, open source licence
#   obligations, copyright in content it uses), and each of them is
#   recorded as complied with (compliant: true). No such requirement, or
#   one not shown to be met, is a finding; one recorded as not met is high.
#   A missing legal register is a finding when other evidence is declared.
# custom:
#   controls: ["5.32"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:legal_register"]
#   remediation: |
#     Add the intellectual property obligations (commercial software and
#     SaaS licence terms, open source licences of the code you ship) to the
#     legal register with category intellectual_property, check compliance
#     (licence counts, licence scans) and record it.
package annexa.controls.c5_32.ip_requirements

import data.annexa.lib.legal

deny contains f if {
	some f in legal.category_findings("intellectual_property", "intellectual property")
}

# judged are the intellectual property requirements of the legal register.
judged := legal.category_judged("intellectual_property")
