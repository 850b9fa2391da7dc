# METADATA
# title: Threat intelligence sources reviewed every 3 months
# description: |
#   The threat intelligence register is approved and inside its review
#   period, lists at least one source, and every source was last reviewed
#   (its entry's reviewed_at: the information was collected and analysed)
#   within the last 3 months. A source never reviewed, or reviewed longer
#   ago, no longer informs the organisation's protection.
# custom:
#   controls: ["5.7"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:threat_intel_register"]
#   remediation: |
#     Review each threat intelligence source at least quarterly, record the
#     date (reviewed_at) and the actions it led to, and drop sources nobody
#     reads any more.
package annexa.controls.c5_7.threat_intelligence

import data.annexa.lib.evidence
import data.annexa.lib.governance

months := 3

deny contains f if {
	some f in governance.register_findings("threat_intel_register", "threat intelligence register")
}

deny contains f if {
	some r in evidence.records("threat_intel_register")
	count(object.get(r.attributes, "entries", [])) == 0
	f := {
		"msg": sprintf("threat intelligence register %s lists no sources", [r.attributes.id]),
		"resource": r.id,
	}
}

deny contains f if {
	some e in evidence.entries("threat_intel_register")
	problem := stale(e.entry)
	f := {
		"msg": sprintf("threat intelligence source %s (%s) %s", [e.entry.id, e.entry.source, problem]),
		"resource": governance.entry_id(e.record, e.entry.id),
	}
}

stale(entry) := "has never been reviewed (reviewed_at)" if {
	not entry.reviewed_at
} else := sprintf("was last reviewed on %s, more than %d months ago", [evidence.day(entry.reviewed_at), months]) if {
	evidence.older_than(entry.reviewed_at, months)
}

# judged are the threat intelligence registers: their standing and every
# source in them.
judged := evidence.ids(["threat_intel_register"])
