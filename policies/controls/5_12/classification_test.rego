package annexa.controls.c5_12.classification_test

import data.annexa.controls.c5_12.classification as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

scheme(attrs) := testing.evidence("policy", "CLS", object.union(
	{
		"topic": "information_classification",
		"approved_by": "sam@example.com",
		"approved_at": "2026-03-02T00:00:00Z",
		"due": "2027-03-02T00:00:00Z",
		"communicated_at": "2026-03-04T00:00:00Z",
		"classification_levels": ["Public", "Internal", "Confidential", "Restricted"],
	},
	attrs,
))

assets(entries) := testing.evidence("asset_register", "IT", {"entries": entries})

db := {"id": "DATA-DB", "name": "Cardholder data", "type": "information", "classification": "restricted"}

staff := {"id": "PEOPLE-ENG", "name": "Engineering team", "type": "people"}

old := {"id": "LT-0009", "name": "Old laptop", "type": "hardware", "status": "disposed"}

test_pass_all_classified_with_scheme_levels if {
	count(check.deny) == 0 with data.facts as testing.facts([scheme({}), assets([db, staff, old])]) with data.run as run
}

test_fail_unclassified_asset if {
	check.deny == {{
		"msg": "asset DATA-DB (Cardholder data) is not classified",
		"resource": "asset_register/IT#DATA-DB",
	}} with data.facts as testing.facts([scheme({}), assets([object.remove(db, ["classification"])])]) with data.run as run
}

test_fail_level_not_in_scheme if {
	check.deny == {{
		"msg": "asset DATA-DB (Cardholder data) is classified \"secret\", which is not a level of the classification scheme (Public, Internal, Confidential, Restricted)",
		"resource": "asset_register/IT#DATA-DB",
	}} with data.facts as testing.facts([scheme({}), assets([object.union(db, {"classification": "secret"})])]) with data.run as run
}

test_fail_scheme_without_levels if {
	no_levels := testing.evidence("policy", "CLS", object.remove(scheme({}).attributes, ["classification_levels"]))
	[f.msg | some f in check.deny] == ["information classification policy CLS does not list the levels of its scheme (classification_levels)"] with data.facts as testing.facts([no_levels, assets([db])])
		with data.run as run
}

test_fail_policy_missing if {
	[f.resource | some f in check.deny] == ["missing:policy/information_classification"] with data.facts as testing.facts([assets([db])])
		with data.run as run
}

test_fail_asset_register_missing if {
	[f.resource | some f in check.deny] == ["missing:asset_register"] with data.facts as testing.facts([scheme({})])
		with data.run as run
}

test_pass_judges_policy_and_assets if {
	check.judged == {"policy/CLS", "asset_register/IT#DATA-DB"} with data.facts as testing.facts([scheme({}), assets([db, staff, old])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([assets([staff, old])]) with data.run as run
}
