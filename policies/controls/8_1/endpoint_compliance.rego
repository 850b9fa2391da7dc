# METADATA
# title: User endpoint devices are managed, encrypted, locked and up to date
# description: |
#   Every user endpoint device in the asset register (hardware assigned to a
#   person and still in use) is vouched for by an export of device
#   management (endpoint_compliance) taken in the last 31 days, and is
#   enrolled (managed). In its most recent export each device shows
#   full-disk encryption, automatic screen lock, an operating system that
#   still receives security updates and the required updates installed,
#   and a check-in no more than 30 days before the export. A device in an
#   export but not in the asset register is an unknown device reaching the
#   organisation's information. With evidence declared but no export on
#   file, the export is reported missing.
# custom:
#   controls: ["8.1"]
#   severity: high
#   coverage: partial
#   inputs:
#     - evidence:endpoint_compliance
#     - evidence:asset_register
#   remediation: |
#     Enrol every device in device management and export its compliance
#     state at least monthly; fix or block the devices the export shows
#     without encryption, screen lock or current updates; record unknown
#     devices in the asset register or remove their access.
package annexa.controls.c8_1.endpoint_compliance

import data.annexa.lib.endpoints
import data.annexa.lib.evidence

deny contains evidence.missing("endpoint_compliance", "endpoint compliance export from device management") if {
	evidence.declared
	count(evidence.records("endpoint_compliance")) == 0
}

# Without any export on file only the missing export is reported.
deny contains finding if {
	count(evidence.records("endpoint_compliance")) > 0
	some a in endpoints.devices
	not endpoints.reported[a.entry.id]
	finding := {
		"msg": sprintf("%s, assigned to %s, is in no endpoint compliance export: it is not shown to be under device management", [endpoints.name(a), a.entry.assigned_to]),
		"resource": endpoints.ref(a),
	}
}

deny contains finding if {
	some a in endpoints.devices
	x := endpoints.reported[a.entry.id]
	x.entry.managed == false
	finding := {
		"msg": sprintf("%s, assigned to %s, is not enrolled in device management (export %s)", [endpoints.name(a), a.entry.assigned_to, x.record.attributes.id]),
		"resource": endpoints.ref(a),
	}
}

deny contains finding if {
	some a in endpoints.devices
	x := endpoints.reported[a.entry.id]
	endpoints.stale(x)
	finding := {
		"msg": sprintf("%s was last reported by device management on %s (export %s), more than %d days ago", [endpoints.name(a), evidence.day(x.record.attributes.performed_at), x.record.attributes.id, endpoints.max_age_days]),
		"resource": endpoints.ref(a),
	}
}

deny contains finding if {
	some x in endpoints.reported
	problems := posture(x)
	count(problems) > 0
	finding := {
		"msg": sprintf("%s%s in export %s: %s", [endpoints.label(x), user(x), x.record.attributes.id, concat("; ", problems)]),
		"resource": endpoints.report_ref(x),
		"details": {"problems": problems},
	}
}

deny contains finding if {
	count(evidence.records("asset_register")) > 0
	known := {a.entry.id | some a in evidence.entries("asset_register")}
	some d, x in endpoints.reported
	not d in known
	finding := {
		"msg": sprintf("device %s%s in export %s is not in the asset register", [d, user(x), x.record.attributes.id]),
		"resource": endpoints.report_ref(x),
		"severity": "medium",
	}
}

user(x) := sprintf(" (used by %s)", [x.entry.person]) if x.entry.person

else := ""

posture(x) := array.concat(
	[msg |
		some field in ["encrypted", "screen_lock", "os_supported", "os_patched"]
		msg := messages[field][state(x.entry, field)]
	],
	[sprintf("it had not checked in for more than %d days (last seen %s)", [endpoints.max_silence_days, evidence.day(x.entry.last_seen_at)]) |
		endpoints.silent(x)
	],
)

# state is "ok" for true, "off" for false and "missing" when the export
# does not say.
state(e, field) := "ok" if e[field] == true

else := "off" if e[field] == false

else := "missing"

messages := {
	"encrypted": {"off": "full-disk encryption is off", "missing": "full-disk encryption is not shown"},
	"screen_lock": {"off": "automatic screen lock is off", "missing": "automatic screen lock is not shown"},
	"os_supported": {
		"off": "its operating system no longer receives security updates",
		"missing": "its operating system is not shown to receive security updates",
	},
	"os_patched": {"off": "required security updates are missing", "missing": "required security updates are not shown installed"},
}

# judged are, once an export is on file, the user endpoint devices of the
# asset register and the device entries of the exports.
judged := {endpoints.ref(a) |
	count(evidence.records("endpoint_compliance")) > 0
	some a in endpoints.devices
} | {endpoints.report_ref(x) | some x in endpoints.reported}
