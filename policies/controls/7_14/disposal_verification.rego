# METADATA
# title: Every disposal of equipment or storage media was verified
# description: |
#   Every entry of a disposal record dated up to now names who verified that
#   the data was removed or the storage destroyed (verified_by), and an
#   asset returned to its vendor (method return_to_vendor, which does not
#   itself remove the data) has the vendor's certificate of data
#   destruction (certificate). The other methods (wipe, crypto_erase,
#   shred, degauss, destroy, reuse_after_wipe) remove or destroy the data
#   themselves. An entry missing either is a finding.
# custom:
#   controls: ["7.10", "7.14"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:disposal_record"]
#   remediation: |
#     Have someone other than the person who did the disposal check that
#     the data is gone (wipe log, shredding certificate) and record them as
#     verified_by; obtain a certificate of data destruction for equipment
#     returned to a vendor, or sanitise it before it leaves.
package annexa.controls.c7_14.disposal_verification

import data.annexa.lib.evidence
import data.annexa.lib.physical

deny contains finding if {
	some d in physical.disposals
	problems := physical.disposal_problems(d.entry)
	count(problems) > 0
	finding := {
		"msg": sprintf(
			"The disposal of %s on %s (method %s) cannot be relied on: %s",
			[physical.asset_label(d.entry.asset), evidence.day(d.entry.disposed_at), d.entry.method, concat("; ", problems)],
		),
		"resource": physical.disposal_ref(d),
		"details": {"asset": d.entry.asset, "disposed_at": evidence.day(d.entry.disposed_at), "method": d.entry.method},
	}
}

# judged are the disposals up to now.
judged := {physical.disposal_ref(d) | some d in physical.disposals}
