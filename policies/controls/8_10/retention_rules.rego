# METADATA
# title: Every data set has a retention period and a deletion method
# description: |
#   The data handling register is approved and inside its review interval,
#   and gives every information asset in use in the asset register a
#   retention period (retention) and the way it is deleted when the period
#   ends (deletion_method: automated, manual, crypto_erase, anonymise or
#   supplier). A data set without both is kept for as long as nobody
#   decides otherwise. With evidence declared but no register on file, the
#   register is reported missing.
# custom:
#   controls: ["8.10"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - evidence:data_handling_register
#     - evidence:asset_register
#   remediation: |
#     Add an entry to the data handling register for each information asset
#     with its retention period (an ISO 8601 period such as P7Y, with
#     retention_trigger and retention_basis) and deletion_method, have the
#     register approved and review it when data sets change.
package annexa.controls.c8_10.retention_rules

import data.annexa.lib.data_handling

deny contains finding if {
	some finding in data_handling.register_findings
}

deny contains finding if {
	data_handling.register_on_file
	some a in data_handling.data_sets
	not data_handling.rules[a.entry.id]
	finding := {
		"msg": sprintf("%s has no entry in the data handling register, so no retention period or deletion method", [data_handling.name(a)]),
		"resource": data_handling.ref(a),
	}
}

deny contains finding if {
	some a in data_handling.data_sets
	x := data_handling.rules[a.entry.id]
	missing := [field | some field in ["retention", "deletion_method"]; not x.entry[field]]
	count(missing) > 0
	finding := {
		"msg": sprintf("%s has no %s in the data handling register", [data_handling.name(a), concat(" and no ", [label[f] | some f in missing])]),
		"resource": data_handling.rule_ref(x),
	}
}

label := {"retention": "retention period", "deletion_method": "deletion method"}

# judged are the data handling registers and, once one is on file, the
# data sets in use.
judged := data_handling.judged
