package annexa.lib.incidents_test

import data.annexa.lib.incidents
import data.annexa.lib.testing

register := testing.evidence("incident_register", "IR", {"entries": [
	{"id": "EV-1", "reported_at": "2026-01-05T00:00:00Z", "classification": "event", "status": "closed"},
	{"id": "INC-1", "title": "Lost laptop", "reported_at": "2026-02-05T00:00:00Z", "classification": "incident", "severity": "high", "status": "open"},
]})

test_events_and_incidents if {
	facts := testing.facts([register])
	[incidents.ref(i) | some i in incidents.events] == ["incident_register/IR#EV-1", "incident_register/IR#INC-1"] with data.facts as facts
	[incidents.who(i) | some i in incidents.incidents] == ["INC-1 (Lost laptop)"] with data.facts as facts
	[incidents.who(i) | some i in incidents.events; incidents.closed(i)] == ["EV-1"] with data.facts as facts
	[i.entry.id | some i in incidents.events; incidents.serious(i)] == ["INC-1"] with data.facts as facts
	[incidents.details(i).severity | some i in incidents.events] == ["unrated", "high"] with data.facts as facts
}

test_register_missing_only_with_evidence if {
	other := testing.evidence("plan", "P", {"topic": "incident_response"})
	[f.resource | some f in incidents.register_missing] == ["missing:incident_register"] with data.facts as testing.facts([other])
	count(incidents.register_missing) == 0 with data.facts as testing.facts([])
	count(incidents.register_missing) == 0 with data.facts as testing.facts([register])
}
