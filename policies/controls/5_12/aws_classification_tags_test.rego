package annexa.controls.c5_12.aws_classification_tags_test

import data.annexa.controls.c5_12.aws_classification_tags as check
import data.annexa.lib.testing

scheme := testing.evidence("policy", "CLS", {
	"topic": "information_classification",
	"approved_by": "sam@example.com",
	"approved_at": "2026-03-02T00:00:00Z",
	"classification_levels": ["public", "internal", "confidential", "restricted"],
})

table(tags) := testing.resource("aws_dynamodb_table", "sessions", {"name": "sessions", "tags_all": tags})

test_pass_labelled_with_scheme_level if {
	count(check.deny) == 0 with data.facts as testing.facts([scheme, table({"DataClassification": "Confidential"})])
}

test_pass_nothing_judged_without_scheme if {
	count(check.deny) == 0 with data.facts as testing.facts([table({"Name": "sessions"})])
}

test_pass_not_a_data_store if {
	sg := testing.resource("aws_security_group", "web", {"tags_all": {}})
	count(check.deny) == 0 with data.facts as testing.facts([scheme, sg])
}

test_pass_tags_unknown if {
	later := object.union(testing.resource("aws_s3_bucket", "b", {"tags_all": {}}), {"unknown": ["tags_all.classification"]})
	count(check.deny) == 0 with data.facts as testing.facts([scheme, later])
}

test_fail_unlabelled if {
	check.deny == {{
		"msg": "aws_dynamodb_table is not labelled with the classification of its data (no classification tag)",
		"resource": "aws_dynamodb_table.sessions",
	}} with data.facts as testing.facts([scheme, table({"Name": "sessions"})])
}

test_fail_label_not_in_scheme if {
	check.deny == {{
		"msg": "aws_dynamodb_table is labelled classification \"secret\", which is not a level of the classification scheme (public, internal, confidential, restricted)",
		"resource": "aws_dynamodb_table.sessions",
	}} with data.facts as testing.facts([scheme, table({"classification": "secret"})])
}

test_pass_judges_data_stores_against_a_scheme if {
	sg := testing.resource("aws_security_group", "web", {"tags_all": {}})
	check.judged == {"aws_dynamodb_table.sessions"} with data.facts as testing.facts([scheme, sg, table({"DataClassification": "Confidential"})])
	count(check.judged) == 0 with data.facts as testing.facts([table({"Name": "sessions"})])
	count(check.judged) == 0 with data.facts as testing.facts([scheme, sg])
}
