# METADATA
# title: Working in every site's secure areas was inspected in the last 12 months and follows the rules
# description: |
#   Every site in use in the asset register (an entry of type site) had
#   working in secure areas such as a comms or server room (kept locked,
#   access limited to those who need it, no unsupervised work or recording
#   devices) inspected within the last 12 months, and the latest result of
#   that check is pass. A site never inspected for it, a latest inspection of
#   it older than 12 months, or a latest result of fail or partial is a
#   finding naming the site, the inspection and its date; of two inspections
#   on the same day the worse result counts. An asset register without any
#   site is a finding too: exclude the control in the Statement of
#   Applicability if there are truly no premises.
# custom:
#   controls: ["7.6"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:asset_register", "evidence:physical_inspection"]
#   remediation: |
#     Fix what the inspection noted about the secure areas (doors left open,
#     access lists out of date, unsupervised third parties), re-inspect the
#     site and record the inspection; inspect every site at least yearly.
package annexa.controls.c7_6.secure_areas_inspection

import data.annexa.lib.physical

deny contains f if some f in physical.site_findings("secure_areas", true)

# judged are the sites in use, each of which needs the inspection.
judged := physical.site_judged("secure_areas", true)
