# METADATA
# title: Storage media handling at each site held at its latest inspection
# description: |
#   Where physical inspections record a check of storage media handling
#   (removable media stored securely and per classification), the latest
#   result of that check at each site in use in the asset register is pass and
#   is no older than 12 months. A latest result of fail or partial, or a
#   latest inspection of it older than 12 months, is a finding naming the
#   site, the inspection and its date. Sites never inspected for it are not
#   findings here: the check is optional, so this only supports the control.
# custom:
#   controls: ["7.10"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:asset_register", "evidence:physical_inspection"]
#   remediation: |
#     Fix the storage media handling problems the inspection noted (unlabelled
#     or unencrypted removable media, media left in unlocked drawers),
#     re-inspect and record the inspection.
package annexa.controls.c7_10.storage_media_inspection

import data.annexa.lib.physical

deny contains f if some f in physical.site_findings("storage_media", false)

# judged are the sites inspected for storage media handling (the check is
# not required of every site).
judged := physical.site_judged("storage_media", false)
