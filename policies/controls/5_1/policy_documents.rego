# METADATA
# title: Policies are approved, current and communicated
# description: |
#   The top-level information security policy (policy record with topic
#   information_security) and the topic-specific policies every ISMS needs
#   (topics access_control, cryptography, backup, acceptable_use,
#   supplier_security and incident_management) each have a version in force
#   (not draft or retired) that is approved (approved_by, approved_at),
#   inside its review period (review_interval or expires) and communicated
#   on or after its approval (communicated_at). Every other policy in force
#   is held to the same standard. A draft revision does not count against a
#   topic while an approved version is in force. Acknowledgement by
#   personnel is checked for the acceptable use policy (5.10) only.
# custom:
#   controls: ["5.1"]
#   severity: high
#   coverage: partial
#   inputs: ["evidence:policy"]
#   remediation: |
#     Have management approve each policy (approved_by, approved_at), set a
#     review_interval (P12M is usual) and review it before it falls due, and
#     publish each approved version to the people it applies to, recording
#     communicated_at.
package annexa.controls.c5_1.policy_documents

import data.annexa.lib.documents
import data.annexa.lib.evidence

# required names the policies 5.1 expects, by topic. The top-level policy is
# high severity; a topic-specific one medium.
required := {
	"information_security": "information security policy",
	"access_control": "access control policy",
	"cryptography": "cryptography policy",
	"backup": "backup policy",
	"acceptable_use": "acceptable use policy",
	"supplier_security": "supplier security policy",
	"incident_management": "incident management policy",
}

# other_topics are the topics of policies on file beyond the required ones.
other_topics := {r.attributes.topic | some r in evidence.records("policy")} - {t | some t, _ in required}

what(topic) := required[topic]

what(topic) := sprintf("%s policy", [replace(topic, "_", " ")]) if not required[topic]

severity(topic) := "high" if topic == "information_security"

severity(topic) := "medium" if topic != "information_security"

deny contains with_severity(f, topic) if {
	some topic, w in required
	some f in documents.findings(["policy"], topic, w)
}

deny contains with_severity(f, topic) if {
	some topic in other_topics
	some f in documents.in_force_findings(["policy"], topic, what(topic))
}

deny contains with_severity(f, topic) if {
	some topic in ({t | some t, _ in required} | other_topics)
	some f in documents.communication_findings(topic, what(topic))
}

with_severity(f, topic) := object.union(f, {"severity": severity(topic)})

# judged are the policies findings judges: of each required topic the
# versions in force (else every version on file), and the other topics'
# versions in force.
judged contains id if {
	some topic, _ in required
	some id in documents.judged(["policy"], topic)
}

judged contains r.id if {
	some topic in other_topics
	some r in documents.in_force(["policy"], topic)
}
