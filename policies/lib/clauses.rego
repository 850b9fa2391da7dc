# METADATA
# title: Clause rule helpers
# description: |
#   Shared by the rules that decide the clauses 4 to 10 of ISO/IEC 27001.
#   A clause rule defines two sets and a status: met, what the evidence
#   shows ({"msg", "resource"}), and gaps, what is missing or failing
#   ({"msg", "resource", "major"}); status(met, gaps) decides the clause.
#   The rules run after the controls, so data.run also holds each
#   control's result (data.run.controls), the Statement of Applicability
#   (data.run.soa) and the risks (data.run.risks).
# custom:
#   library: true
package annexa.lib.clauses

import data.annexa.lib.documents
import data.annexa.lib.evidence
import data.annexa.lib.governance
import data.annexa.lib.periodic

# status decides a clause: not_assessed when there was nothing to judge it
# by, nonconformant when a requirement is absent (a major gap) or nothing is
# met while something fails, partial when some gaps remain, else
# conformant.
status(met, gaps) := "not_assessed" if {
	count(met) == 0
	count(gaps) == 0
} else := "nonconformant" if {
	some g in gaps
	g.major
} else := "nonconformant" if {
	count(met) == 0
} else := "partial" if {
	count(gaps) > 0
} else := "conformant"

# shown is an element of met: msg says what the evidence shows, resource
# names the fact, control (control/5.1) or risk it was found in.
shown(msg, resource) := {"msg": msg, "resource": resource}

# minor is a gap that leaves the clause partially met.
minor(msg, resource) := {"msg": msg, "resource": resource, "major": false}

# major is a gap that makes the clause nonconformant: a requirement is
# absent.
major(msg, resource) := {"msg": msg, "resource": resource, "major": true}

# Documents.

# document_met describes each document in force about a topic (of a record
# kind such as document or policy) that can be relied on: approved and
# inside its review period. what names it in messages ("ISMS scope").
document_met(kind, topic, what) := {shown(msg, r.id) |
	some r in documents.in_force([kind], topic)
	count(evidence.problems(r)) == 0
	msg := sprintf("%s %s was approved by %s on %s; its next review is due on %s", [
		capitalize(what), r.attributes.id, r.attributes.approved_by,
		evidence.day(r.attributes.approved_at), evidence.day(r.attributes.due),
	])
}

# document_gaps finds what is wrong with the documents about a topic, with
# the semantics of annexa.lib.documents (a draft is not in force): none on
# file (major, when the run declares evidence; resource missing:KIND/TOPIC),
# none in force (major), one in force that is not approved (major) or
# cannot be relied on for another reason, such as a passed review date
# (minor).
document_gaps(kind, topic, what) := {g |
	some r in documents.in_force([kind], topic)
	p := evidence.problems(r)
	count(p) > 0
	msg := sprintf("%s %s cannot be relied on: %s", [capitalize(what), r.attributes.id, concat("; ", p)])
	g := gap_of(approved(r), msg, r.id)
} if {
	count(documents.in_force([kind], topic)) > 0
} else := {major(msg, r.id) |
	some r in documents.on_file([kind], topic)
	msg := sprintf("No approved %s is in force: %s is %s", [what, r.attributes.id, r.attributes.status])
} if {
	count(documents.on_file([kind], topic)) > 0
} else := {major(sprintf("No %s on file (a %s record with topic %s)", [what, kind, topic]), documents.missing_id(kind, topic))} if {
	evidence.declared
} else := set()

approved(r) if {
	evidence.approved(r)
} else := false

gap_of(true, msg, resource) := minor(msg, resource)

gap_of(false, msg, resource) := major(msg, resource)

# capitalize returns s with its first letter in upper case, for a name
# that starts a sentence.
capitalize(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])

# Controls.

# control returns a control's result from the first phase.
control(id) := object.get(data.run, ["controls", id], {"status": "not_assessed", "title": id, "findings": 0, "assessed": 0})

control_ref(id) := sprintf("control/%s", [id])

# control_met says that a control passes.
control_met(id) := {shown(msg, control_ref(id)) |
	c := control(id)
	c.status == "pass"
	msg := sprintf("Control A.%s (%s) passes over %d fact(s)", [id, c.title, c.assessed])
}

# control_gaps says that a control fails, could not be evaluated, or (when
# the run declares evidence) could not be assessed.
control_gaps(id) := ({minor(msg, control_ref(id)) |
	c := control(id)
	c.status == "fail"
	msg := sprintf("Control A.%s (%s) fails with %d finding(s)", [id, c.title, c.findings])
} | {minor(msg, control_ref(id)) |
	c := control(id)
	c.status == "error"
	msg := sprintf("Control A.%s (%s) could not be evaluated", [id, c.title])
}) | {minor(msg, control_ref(id)) |
	evidence.declared
	c := control(id)
	c.status == "not_assessed"
	msg := sprintf("Control A.%s (%s) could not be assessed", [id, c.title])
}

# People and roles.

# top_management is the set of people who hold the top-management role.
top_management := governance.holders("top_management")

# person_problem describes why a person named in a record is not someone
# working for the organisation now; undefined for an active person.
person_problem(id) := governance.person_status(id) if {
	count(evidence.people) > 0
}

# Activities.

# latest returns, of the records of a kind performed up to now, the one
# performed last; undefined when there is none.
latest(kind) := periodic.latest_record(performed(kind), "performed_at")

performed(kind) := [r |
	some r in evidence.records(kind)
	not evidence.inactive(r)
	not evidence.in_future(r.attributes.performed_at)
]

# Risks.

# risks lists the risks of the register with their residual scores, as the
# first phase computed them; empty without a register.
risks := object.get(data.run, ["risks", "risks"], [])

# register_declared is true when the run has a risk register (data.run.risks
# is null without one).
register_declared if is_object(data.run.risks)

risk_ref(r) := sprintf("risk/%s", [r.id])

# shown_all is an element of met that several resources show.
shown_all(msg, resources) := {"msg": msg, "resources": resources}
