# METADATA
# title: Every asset in use is classified by a current scheme
# description: |
#   An information classification policy (policy topic
#   information_classification) is in force, approved, inside its review
#   period and communicated on or after its approval, and defines the
#   levels of its scheme (classification_levels). Every asset in use in the
#   asset register (status active, or no status), except people, has a
#   classification, and that classification is one of the scheme's levels
#   (ignoring case).
# custom:
#   controls: ["5.12"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:policy", "evidence:asset_register"]
#   remediation: |
#     Approve and publish a classification scheme listing its levels
#     (classification_levels: public, internal, confidential, restricted) and
#     classify every asset in the register with one of them, based on the
#     confidentiality, integrity and availability needs of its information.
package annexa.controls.c5_12.classification

import data.annexa.lib.documents
import data.annexa.lib.evidence
import data.annexa.lib.governance

what := "information classification policy"

levels := governance.classification_levels

deny contains f if {
	some f in documents.findings(["policy"], "information_classification", what)
}

deny contains f if {
	some f in documents.communication_findings("information_classification", what)
}

deny contains f if {
	some r in documents.in_force(["policy"], "information_classification")
	evidence.approved(r)
	count(object.get(r.attributes, "classification_levels", [])) == 0
	f := {
		"msg": sprintf("%s %s does not list the levels of its scheme (classification_levels)", [what, r.attributes.id]),
		"resource": r.id,
	}
}

deny contains evidence.missing("asset_register", "asset register") if {
	evidence.declared
	count(evidence.records("asset_register")) == 0
}

deny contains f if {
	some e in governance.active_assets
	e.entry.type != "people"
	not e.entry.classification
	f := {
		"msg": sprintf("asset %s (%s) is not classified", [e.entry.id, e.entry.name]),
		"resource": governance.entry_id(e.record, e.entry.id),
	}
}

deny contains f if {
	count(levels) > 0
	some e in governance.active_assets
	e.entry.type != "people"
	e.entry.classification
	not lower(e.entry.classification) in levels
	f := {
		"msg": sprintf("asset %s (%s) is classified %q, which is not a level of the classification scheme (%s)", [e.entry.id, e.entry.name, e.entry.classification, concat(", ", governance.classification_scheme)]),
		"resource": governance.entry_id(e.record, e.entry.id),
	}
}

# judged are the classification policies findings judges and the assets
# in use that are classified (every asset but people).
judged := documents.judged(["policy"], "information_classification") | {governance.entry_id(e.record, e.entry.id) |
	some e in governance.active_assets
	e.entry.type != "people"
}
