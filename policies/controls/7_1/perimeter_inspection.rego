# METADATA
# title: Every site's security perimeter was inspected in the last 12 months and holds
# description: |
#   Every site in use in the asset register (an entry of type site) had the
#   security perimeter (walls, doors, windows, roof, alarmed fire doors,
#   reception) inspected within the last 12 months, and the latest result of
#   that check is pass. A site never inspected for it, a latest inspection of
#   it older than 12 months, or a latest result of fail or partial is a
#   finding naming the site, the inspection and its date; of two inspections
#   on the same day the worse result counts. An asset register without any
#   site is a finding too: exclude the control in the Statement of
#   Applicability if there are truly no premises.
# custom:
#   controls: ["7.1"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:asset_register", "evidence:physical_inspection"]
#   remediation: |
#     Repair the perimeter weaknesses the inspection noted (doors that do not
#     close or lock, unalarmed fire exits, ground-floor windows), re-inspect
#     the site and record the inspection; inspect every site at least yearly.
package annexa.controls.c7_1.perimeter_inspection

import data.annexa.lib.physical

deny contains f if some f in physical.site_findings("perimeter", true)

# judged are the sites in use, each of which needs the inspection.
judged := physical.site_judged("perimeter", true)
