# METADATA
# title: Data handling helpers
# description: |
#   Helpers for the controls judged over the data handling register (8.10
#   information deletion, 8.11 data masking): the data sets that need rules
#   (the information assets of the asset register still in use), the
#   register's entry for each, and the register's own standing (approved,
#   inside its review interval).
# custom:
#   library: true
package annexa.lib.data_handling

import data.annexa.lib.evidence

kind := "data_handling_register"

gone := {"disposed", "retired", "lost"}

# data_sets lists the information assets in use, each as
# {"record": <asset register fact>, "entry": <entry>}.
data_sets := [a |
	some a in evidence.entries("asset_register")
	a.entry.type == "information"
	not object.get(a.entry, "status", "active") in gone
]

# rules maps an asset id to its entry in the data handling register, as
# {"record": <register fact>, "entry": <entry>}; of two entries for one
# asset, the first in record order counts.
# A complete object, built once, for lookups by asset.
rules := {id: [x | some x in evidence.entries(kind); x.entry.asset == id][0] |
	some id in {x.entry.asset | some x in evidence.entries(kind)}
}

# register_findings are the findings about the register itself: missing
# when evidence is declared without one, or one finding per register that
# cannot be relied on (not approved, a draft or retired, overdue).
register_findings := {evidence.missing(kind, "data handling register")} if {
	evidence.declared
	count(evidence.records(kind)) == 0
} else := {f |
	some r in evidence.records(kind)
	p := evidence.problems(r)
	count(p) > 0
	f := {
		"msg": sprintf("data handling register %s cannot be relied on: %s", [r.attributes.id, concat("; ", p)]),
		"resource": r.id,
	}
}

# register_on_file is true when there is a register to judge the data sets
# against.
register_on_file if count(evidence.records(kind)) > 0

# judged is the set of what the policies over the register judge: the
# registers themselves and, once one is on file, the data sets in use.
judged := evidence.ids([kind]) | {ref(a) |
	register_on_file
	some a in data_sets
}

# name describes a data set for a message: "Finance ledgers (DATA-FINANCE)".
name(a) := sprintf("%s (%s)", [a.entry.name, a.entry.id])

# ref is the resource id of an asset register entry in a finding.
ref(a) := sprintf("%s#%s", [a.record.id, a.entry.id])

# rule_ref is the resource id of a data handling register entry.
rule_ref(x) := sprintf("%s#%s", [x.record.id, x.entry.asset])
