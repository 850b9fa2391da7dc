# METADATA
# title: Every user endpoint device runs active malware protection
# description: |
#   Every user endpoint device in the asset register (hardware assigned to a
#   person and still in use) appears in an export of device management or
#   endpoint security (endpoint_compliance) taken in the last 31 days, and
#   its most recent export shows the anti-malware or endpoint detection
#   agent installed, running and reporting (endpoint_protection: true). A
#   device missing from every export is a coverage gap. With evidence
#   declared but no export on file, the export is reported missing.
# custom:
#   controls: ["8.7"]
#   severity: high
#   coverage: partial
#   inputs:
#     - evidence:endpoint_compliance
#     - evidence:asset_register
#   remediation: |
#     Install the endpoint protection agent on every device through device
#     management, alert on agents that stop reporting, and export the
#     coverage at least monthly.
package annexa.controls.c8_7.endpoint_protection

import data.annexa.lib.endpoints
import data.annexa.lib.evidence

deny contains evidence.missing("endpoint_compliance", "endpoint compliance export from device management") if {
	evidence.declared
	count(evidence.records("endpoint_compliance")) == 0
}

deny contains finding if {
	count(evidence.records("endpoint_compliance")) > 0
	some a in endpoints.devices
	not endpoints.reported[a.entry.id]
	finding := {
		"msg": sprintf("%s, assigned to %s, is in no endpoint compliance export, so its malware protection is not shown", [endpoints.name(a), a.entry.assigned_to]),
		"resource": endpoints.ref(a),
	}
}

deny contains finding if {
	some a in endpoints.devices
	x := endpoints.reported[a.entry.id]
	endpoints.stale(x)
	finding := {
		"msg": sprintf("the malware protection of %s was last reported on %s (export %s), more than %d days ago", [endpoints.name(a), evidence.day(x.record.attributes.performed_at), x.record.attributes.id, endpoints.max_age_days]),
		"resource": endpoints.ref(a),
	}
}

deny contains finding if {
	some x in endpoints.reported
	not x.entry.endpoint_protection == true
	finding := {
		"msg": sprintf("%s in export %s %s", [endpoints.label(x), x.record.attributes.id, state[object.get(x.entry, "endpoint_protection", null) == false]]),
		"resource": endpoints.report_ref(x),
	}
}

state := {
	true: "has no active malware protection (endpoint_protection is false)",
	false: "does not show whether malware protection is active (endpoint_protection is not recorded)",
}

# judged are, once an export is on file, the user endpoint devices of the
# asset register and the device entries of the exports.
judged := {endpoints.ref(a) |
	count(evidence.records("endpoint_compliance")) > 0
	some a in endpoints.devices
} | {endpoints.report_ref(x) | some x in endpoints.reported}
