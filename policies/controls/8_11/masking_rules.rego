# METADATA
# title: Every data set has documented masking rules
# description: |
#   The data handling register is approved and inside its review interval,
#   and states for every information asset in use in the asset register how
#   its sensitive fields are hidden from users and environments without a
#   need to see them (masking: masked, pseudonymised, tokenised or
#   anonymised, with masking_rules saying which fields, for whom and where),
#   or records why no masking is needed (masking: not_required with a
#   masking_reason). With evidence declared but no register on file, the
#   register is reported missing.
# custom:
#   controls: ["8.11"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - evidence:data_handling_register
#     - evidence:asset_register
#   remediation: |
#     For each information asset, record in the data handling register the
#     masking technique and the rules (fields, roles, non-production copies,
#     logs and exports), or not_required with the reason, and review them
#     when the data set changes.
package annexa.controls.c8_11.masking_rules

import data.annexa.lib.data_handling

deny contains finding if {
	some finding in data_handling.register_findings
}

deny contains finding if {
	data_handling.register_on_file
	some a in data_handling.data_sets
	not data_handling.rules[a.entry.id]
	finding := {
		"msg": sprintf("%s has no entry in the data handling register, so no masking rules", [data_handling.name(a)]),
		"resource": data_handling.ref(a),
	}
}

deny contains finding if {
	some a in data_handling.data_sets
	x := data_handling.rules[a.entry.id]
	msg := gap(x.entry)
	finding := {
		"msg": sprintf("%s %s", [data_handling.name(a), msg]),
		"resource": data_handling.rule_ref(x),
	}
}

gap(e) := "has no masking decision (masking) in the data handling register" if {
	not e.masking
} else := "is marked not_required for masking without a masking_reason" if {
	e.masking == "not_required"
	not e.masking_reason
} else := sprintf("is %s without masking_rules saying which fields are hidden, from whom and where", [e.masking]) if {
	e.masking != "not_required"
	not e.masking_rules
}

# judged are the data handling registers and, once one is on file, the
# data sets in use.
judged := data_handling.judged
