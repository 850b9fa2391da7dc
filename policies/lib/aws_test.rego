package annexa.lib.aws_test

import data.annexa.lib.aws
import data.annexa.lib.testing

db(attrs) := testing.resource("aws_db_instance", "db", attrs)

test_rds_replica if {
	aws.rds_replica(db({"replicate_source_db": "primary"}))
	aws.rds_replica(testing.resource("aws_rds_cluster", "c", {"replication_source_identifier": "arn:aws:rds:eu-west-1:1:cluster:p"}))
	not aws.rds_replica(db({"replicate_source_db": ""}))
	not aws.rds_replica(db({"replicate_source_db": null}))
	not aws.rds_replica(db({}))
	not aws.rds_replica(object.union(db({}), {"unknown": ["replicate_source_db"]}))
}

test_s3_bucket_keys if {
	aws.s3_bucket_keys(testing.resource("aws_s3_bucket", "logs", {"id": "logs-1", "bucket": "logs-1"})) == {"aws_s3_bucket.logs", "logs-1"}
	aws.s3_bucket_keys(testing.resource("aws_s3_bucket", "logs", {"bucket": "logs-1"})) == {"aws_s3_bucket.logs", "logs-1"}
	aws.s3_bucket_keys(testing.resource("aws_s3_bucket", "logs", {})) == {"aws_s3_bucket.logs"}
}

test_s3_companion_keys_for_each if {
	b := object.union(testing.resource("aws_s3_bucket", "b", {"bucket": "x"}), {"id": "aws_s3_bucket.b[\"k\"]", "index": "k"})
	"each::k" in aws.s3_bucket_keys(b)
	h := object.union(testing.resource("aws_s3_bucket_policy", "p", {}), {"index": "k", "unknown": ["bucket"]})
	aws.s3_companion_keys(h) == {"each::k"}
	known := object.union(testing.resource("aws_s3_bucket_policy", "p", {"bucket": "x"}), {"index": "k"})
	aws.s3_companion_keys(known) == {"x"}
}

test_policy_statements_json_and_document if {
	r := testing.resource("aws_iam_policy", "p", {"policy": `{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Principal":{"AWS":["*"]},"Condition":{"Bool":{"aws:SecureTransport":false}}}}`})
	[s] := aws.policy_statements(r, "policy")
	s.actions == ["*"]
	s.principals == [{"type": "AWS", "id": "*"}]
	s.conditions == [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"], "unknown_values": 0}]
	aws.public_principal(s)
	doc := testing.data_source("aws_iam_policy_document", "d", {"statement": [{"actions": ["s3:GetObject"]}]})
	ref := testing.with_refs(testing.resource("aws_iam_policy", "q", {}), {"policy": ["data.aws_iam_policy_document.d"]})
	[t] := aws.policy_statements(ref, "policy") with data.facts as testing.facts([doc])
	t.effect == "Allow"
	t.resources == []
	aws.policy_known(ref, "policy") with data.facts as testing.facts([doc])
	not aws.policy_known(ref, "policy") with data.facts as testing.facts([])
}

# A plan's resource holds the JSON its policy document data source
# rendered, and refers to that data source too: its statements are read
# once, from the resource.
test_policy_statements_known_json_not_read_twice if {
	rendered := `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`
	doc := testing.data_source("aws_iam_policy_document", "d", {"json": rendered})
	r := testing.with_refs(testing.resource("aws_iam_policy", "p", {"policy": rendered}), {"policy": ["data.aws_iam_policy_document.d.json", "data.aws_iam_policy_document.d"]})
	[s] := aws.policy_statements(r, "policy") with data.facts as testing.facts([doc])
	s.actions == ["s3:GetObject"]
	unknown := testing.with_refs(testing.resource("aws_iam_policy", "q", {}), {"policy": ["data.aws_iam_policy_document.d.json", "data.aws_iam_policy_document.d"]})
	[t] := aws.policy_statements(unknown, "policy") with data.facts as testing.facts([doc])
	t == s
}

test_policy_statements_document_condition_values_unknown if {
	doc := testing.data_source("aws_iam_policy_document", "d", {"statement": [{"actions": ["s3:GetObject"], "condition": [
		{"test": "StringEquals", "variable": "aws:SourceAccount", "values": [null, "111122223333"]},
		{"test": "StringEquals", "variable": "aws:PrincipalOrgID"},
		{"test": "Bool", "variable": "aws:SecureTransport", "values": ["true"]},
	]}]})
	ref := testing.with_refs(testing.resource("aws_iam_policy", "q", {}), {"policy": ["data.aws_iam_policy_document.d"]})
	[s] := aws.policy_statements(ref, "policy") with data.facts as testing.facts([doc])
	[c.unknown_values | some c in s.conditions] == [1, 1, 0]
	s.conditions[0].values == ["111122223333"]
}

test_live_only_for_account_facts if {
	aws.live({"source": {"provider": "aws"}})
	aws.live({"source": {"provider": "aws-snapshot"}})
	not aws.live({"source": {"provider": "tfplan"}})
	not aws.live({"source": {"provider": "tfsource"}})
}
