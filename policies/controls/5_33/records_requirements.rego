# METADATA
# title: Records retention requirements are registered and complied with
# description: |
#   The legal register lists the requirements on keeping and protecting
#   records that apply to the organisation (entries with category records:
#   statutory retention of accounting records, payment scheme and
#   anti-money-laundering record keeping, limits on keeping personal data),
#   and each of them is recorded as complied with (compliant: true). No
#   such requirement, or one not shown to be met, is a finding; one
#   recorded as not met is high. A missing legal register is a finding when
#   other evidence is declared.
# custom:
#   controls: ["5.33"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:legal_register"]
#   remediation: |
#     Add the record keeping obligations (retention periods and their legal
#     basis) to the legal register with category records, check that the
#     retention schedule and the storage meet them, and record compliance.
package annexa.controls.c5_33.records_requirements

import data.annexa.lib.legal

deny contains f if {
	some f in legal.category_findings("records", "records retention")
}

# judged are the records retention requirements of the legal register.
judged := legal.category_judged("records")
