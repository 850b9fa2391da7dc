# METADATA
# title: Every site's offices, rooms and facilities were inspected in the last 12 months and hold
# description: |
#   Every site in use in the asset register (an entry of type site) had the
#   security of offices, rooms and facilities (locked when unattended, no
#   confidential activity visible from outside, directories and signs that do
#   not reveal sensitive locations) inspected within the last 12 months, and
#   the latest result of that check is pass. A site never inspected for it, a
#   latest inspection of it older than 12 months, or a latest result of fail
#   or partial is a finding naming the site, the inspection and its date; of
#   two inspections on the same day the worse result counts. An asset register
#   without any site is a finding too: exclude the control in the Statement of
#   Applicability if there are truly no premises.
# custom:
#   controls: ["7.3"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:asset_register", "evidence:physical_inspection"]
#   remediation: |
#     Fix what the inspection noted about offices and rooms (unlocked rooms,
#     screens and whiteboards visible from outside), re-inspect the site and
#     record the inspection; inspect every site at least yearly.
package annexa.controls.c7_3.offices_inspection

import data.annexa.lib.physical

deny contains f if some f in physical.site_findings("offices", true)

# judged are the sites in use, each of which needs the inspection.
judged := physical.site_judged("offices", true)
