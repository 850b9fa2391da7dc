# METADATA
# title: Incident register helpers
# description: |
#   The entries of the incident register (information security events, and
#   the events classified as incidents) as the incident management policies
#   (5.24 to 5.28, 5.34) report on them: each entry is handled together
#   with its register record, so findings can name it as
#   "incident_register/<record id>#<entry id>".
# custom:
#   library: true
package annexa.lib.incidents

import data.annexa.lib.evidence

# events lists every entry of the incident registers, events and
# incidents, each as {"record": <register fact>, "entry": <entry>}.
events := evidence.entries("incident_register")

# incidents lists the entries classified as incidents.
incidents := [i | some i in events; i.entry.classification == "incident"]

# register_missing is a finding when the run has evidence but no incident
# register.
register_missing contains evidence.missing("incident_register", "incident register") if {
	evidence.declared
	count(evidence.records("incident_register")) == 0
}

# ref is the resource id of a register entry in a finding.
ref(i) := sprintf("%s#%s", [i.record.id, i.entry.id])

# who names an entry for a message: "INC-2026-03 (Phishing e-mail to
# finance)", or only its id when it has no title.
who(i) := sprintf("%s (%s)", [i.entry.id, i.entry.title]) if {
	i.entry.title
} else := i.entry.id

# closed is true for an entry whose handling is finished.
closed(i) if i.entry.status == "closed"

# serious is true for an entry rated high or critical.
serious(i) if i.entry.severity in {"high", "critical"}

# details are the facts about an entry every finding carries.
details(i) := {
	"id": i.entry.id,
	"classification": i.entry.classification,
	"severity": object.get(i.entry, "severity", "unrated"),
	"status": i.entry.status,
	"reported_at": evidence.day(i.entry.reported_at),
}
