# METADATA
# title: Every site's physical entry controls were inspected in the last 12 months and hold
# description: |
#   Every site in use in the asset register (an entry of type site) had
#   physical entry controls (badge or key access, visitor sign-in and escort,
#   return of badges by leavers) inspected within the last 12 months, and the
#   latest result of that check is pass. A site never inspected for it, a
#   latest inspection of it older than 12 months, or a latest result of fail
#   or partial is a finding naming the site, the inspection and its date; of
#   two inspections on the same day the worse result counts. An asset register
#   without any site is a finding too: exclude the control in the Statement of
#   Applicability if there are truly no premises. Where an inspection also
#   covered delivery and loading areas (part of this control since 2022), the
#   latest result of that check is judged the same way, though a site need not
#   have one.
# custom:
#   controls: ["7.2"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:asset_register", "evidence:physical_inspection"]
#   remediation: |
#     Fix the entry control gaps the inspection noted (unrevoked badges,
#     unescorted visitors, tailgating, delivery areas open to the offices),
#     re-inspect the site and record the inspection; inspect every site at
#     least yearly.
package annexa.controls.c7_2.entry_inspection

import data.annexa.lib.physical

deny contains f if some f in physical.site_findings("entry_control", true)

deny contains f if some f in physical.site_findings("delivery_areas", false)

# judged are the sites in use, each of which needs an inspection of its
# entry controls (and of its delivery areas, where they were inspected).
judged := physical.site_judged("entry_control", true) | physical.site_judged("delivery_areas", false)
