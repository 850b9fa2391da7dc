# METADATA
# title: Every site passed its latest clear desk and clear screen check within the last 12 months
# description: |
#   Every site in use in the asset register (an entry of type site) had clear
#   desk and clear screen (no confidential papers or removable media left on
#   desks or printers, screens locked when unattended) inspected within the
#   last 12 months, and the latest result of that check is pass. A site never
#   inspected for it, a latest inspection of it older than 12 months, or a
#   latest result of fail or partial is a finding naming the site, the
#   inspection and its date; of two inspections on the same day the worse
#   result counts. An asset register without any site is a finding too:
#   exclude the control in the Statement of Applicability if there are truly
#   no premises.
# custom:
#   controls: ["7.7"]
#   severity: low
#   coverage: partial
#   inputs: ["evidence:asset_register", "evidence:physical_inspection"]
#   remediation: |
#     Follow up the clear desk and clear screen breaches the check found with
#     the people concerned, remind everyone of the rules, repeat the spot
#     check and record it; check every site at least yearly.
package annexa.controls.c7_7.clear_desk_inspection

import data.annexa.lib.physical

deny contains f if some f in physical.site_findings("clear_desk", true)

# judged are the sites in use, each of which needs the inspection.
judged := physical.site_judged("clear_desk", true)
