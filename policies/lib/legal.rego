# METADATA
# title: Legal register helpers
# description: |
#   The requirements of the legal register (legal, statutory, regulatory,
#   contractual, intellectual property, privacy and records requirements)
#   as the compliance policies (5.31 to 5.34) report on them: each entry is
#   handled together with its register record, so findings can name it as
#   "legal_register/<record id>#<entry id>".
# custom:
#   library: true
package annexa.lib.legal

import data.annexa.lib.evidence

# requirements lists every entry of the legal registers, each as
# {"record": <register fact>, "entry": <entry>}.
requirements := evidence.entries("legal_register")

# register_missing is a finding when the run has evidence but no legal
# register.
register_missing contains evidence.missing("legal_register", "legal register") if {
	evidence.declared
	count(evidence.records("legal_register")) == 0
}

# ref is the resource id of a requirement in a finding.
ref(q) := sprintf("%s#%s", [q.record.id, q.entry.id])

# who names a requirement for a message: "REQ-7 (UK GDPR)".
who(q) := sprintf("%s (%s)", [q.entry.id, q.entry.requirement])

# of_category lists the requirements of one category.
of_category(category) := [q | some q in requirements; q.entry.category == category]

# compliance_gap describes why a requirement is not shown to be met, or is
# undefined when its entry records compliance.
compliance_gap(e) := "it is recorded as not complied with (compliant: false)" if {
	e.compliant == false
} else := "compliance with it has not been assessed (compliant)" if {
	not e.compliant == true
}

# category_findings checks that the legal registers list requirements of a
# category (what names them in messages, e.g. "intellectual property") and
# that each of them is complied with: a finding on the register when there
# are none, one per requirement not shown to be met (high when it is
# recorded as not met), and the missing register finding without a
# register.
category_findings(category, what) := ({f |
	count(of_category(category)) == 0
	r := evidence.records("legal_register")[0]
	f := {
		"msg": sprintf("the legal register lists no %s requirements (category %s)", [what, category]),
		"resource": r.id,
	}
} | {f |
	some q in of_category(category)
	gap := compliance_gap(q.entry)
	f := {
		"msg": sprintf("%s requirement %s: %s", [what, who(q), gap]),
		"resource": ref(q),
		"severity": gap_severity(q.entry),
		"details": {"requirement": q.entry.id, "category": category},
	}
}) | register_missing

# category_judged is the set of the requirements of a category that
# category_findings judges, named as its findings name them.
category_judged(category) := {ref(q) | some q in of_category(category)}

gap_severity(e) := "high" if e.compliant == false

else := "medium"
