# METADATA
# title: Every site's equipment siting and protection was inspected in the last 12 months and holds
# description: |
#   Every site in use in the asset register (an entry of type site) had
#   equipment siting and protection (equipment placed away from public view
#   and hazards, screens not overlooked, no food or drink near equipment)
#   inspected within the last 12 months, and the latest result of that check
#   is pass. A site never inspected for it, a latest inspection of it older
#   than 12 months, or a latest result of fail or partial is a finding naming
#   the site, the inspection and its date; of two inspections on the same day
#   the worse result counts. An asset register without any site is a finding
#   too: exclude the control in the Statement of Applicability if there are
#   truly no premises.
# custom:
#   controls: ["7.8"]
#   severity: low
#   coverage: partial
#   inputs: ["evidence:asset_register", "evidence:physical_inspection"]
#   remediation: |
#     Re-site or protect the equipment the inspection found exposed (screens
#     facing windows, equipment in passageways or under water pipes),
#     re-inspect the site and record the inspection; inspect every site at
#     least yearly.
package annexa.controls.c7_8.equipment_siting_inspection

import data.annexa.lib.physical

deny contains f if some f in physical.site_findings("equipment_siting", true)

# judged are the sites in use, each of which needs the inspection.
judged := physical.site_judged("equipment_siting", true)
