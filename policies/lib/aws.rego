# METADATA
# title: AWS resource helpers
# description: Predicates about AWS resources that several controls' policies share.
# custom:
#   library: true
package annexa.lib.aws

import data.annexa.lib.tf

# rds_replica is true for an RDS read replica or a cluster replicating
# another: it inherits encryption and backups from its source, which is
# judged itself.
rds_replica(db) if {
	some attr in ["replicate_source_db", "replication_source_identifier"]
	is_string(db.attributes[attr])
	db.attributes[attr] != ""
}

# s3_bucket_keys is the set of keys by which an S3 bucket's companion
# resources (public access block, ACL, encryption configuration, policy)
# point at it: its addresses, its known id, its name, and the for_each key
# (see s3_companion_keys).
s3_bucket_keys(b) := (tf.identities(b) | {v |
	v := b.attributes.bucket
	is_string(v)
}) | each_keys(b)

# s3_companion_keys is the set of keys by which companion resource h points
# at its bucket: what its bucket argument refers to or holds and, when that
# argument is unknown and refers to no resource, its for_each key. Terraform
# source and plans alike record no reference for `bucket = each.value.id`
# in a resource whose `for_each = aws_s3_bucket.b`: the companion instance
# keyed "k" then stands for the bucket instance keyed "k" of the same
# module. (A companion keyed like buckets of two different resources links
# to both; that is the price of the missing reference.)
s3_companion_keys(h) := tf.pointers(h, "bucket") | each_keys(h) if {
	count(tf.pointers(h, "bucket")) == 0
	tf.is_unknown(h, "bucket")
} else := tf.pointers(h, "bucket")

# s3_companions_pointed_at is the set of keys the companion resources of
# type t point at, collected once so that linking stays linear.
s3_companions_pointed_at(t) := {k |
	some h in tf.resources(t)
	some k in s3_companion_keys(h)
}

each_keys(r) := {sprintf("each:%s:%s", [object.get(r, "module", ""), r.index])} if is_string(object.get(r, "index", null))

else := set()

# policy_statements is the list of IAM policy statements of attribute attr
# of r (a JSON policy document), normalized: each {"effect", "actions",
# "not_actions", "resources", "principals" (a list of {"type", "id"};
# type "*" for `"Principal": "*"`), "conditions" (a list of {"test",
# "variable", "values", "unknown_values": how many of the values are only
# known after apply})}. The attribute's own JSON document is read when it
# is known; a plan holds the document a data.aws_iam_policy_document
# rendered there, so the data source, which would give the same statements
# again, is not read. Otherwise (Terraform source, or a document only
# known after apply) the data source the attribute refers to is: from its
# json when known, else from its statement blocks.
policy_statements(r, attr) := json_statements(doc) if {
	doc := object.get(r.attributes, attr, null)
	json_document(doc)
} else := [s |
	index := policy_documents_by_key
	some p in object.get(r, ["references", attr], [])
	some d in object.get(index, p, [])
	some s in document_statements(d)
]

# policy_known is true when the policy document of attribute attr of r can
# be read: a JSON string, or a reference to a policy document data source.
policy_known(r, attr) if json_document(object.get(r.attributes, attr, null))

policy_known(r, attr) if {
	index := policy_documents_by_key
	some p in object.get(r, ["references", attr], [])
	count(object.get(index, p, [])) > 0
}

policy_documents_by_key := {k: {v | some [k2, v] in policy_documents_by_key_pairs; k2 == k} | some k in {x | some [x, _] in policy_documents_by_key_pairs}}

policy_documents_by_key_pairs contains [k, d] if {
	some d in tf.data_sources("aws_iam_policy_document")
	some k in tf.identities(d)
}

document_statements(d) := json_statements(d.attributes.json) if json_document(d.attributes.json)

else := array.concat(
	[s | some d2 in source_documents(d); some s in json_statements(d2)],
	[hcl_statement(s) | some s in object.get(d.attributes, "statement", [])],
)

# source_documents are the JSON documents a policy document data source
# merges in (source_policy_documents, override_policy_documents).
source_documents(d) := [doc |
	some attr in ["source_policy_documents", "override_policy_documents"]
	some doc in object.get(d.attributes, attr, [])
	json_document(doc)
]

json_document(doc) if {
	is_string(doc)
	json.is_valid(doc)
}

json_statements(doc) := [json_statement(s) |
	json_document(doc)
	parsed := json.unmarshal(doc)
	is_object(parsed)
	some s in tf.as_list(object.get(parsed, "Statement", []))
	is_object(s)
] if json_document(doc)

else := []

json_statement(s) := {
	"effect": object.get(s, "Effect", "Allow"),
	"actions": strings(object.get(s, "Action", [])),
	"not_actions": strings(object.get(s, "NotAction", [])),
	"resources": strings(object.get(s, "Resource", [])),
	"principals": json_principals(object.get(s, "Principal", null)),
	"conditions": json_conditions(object.get(s, "Condition", {})),
	"sid": object.get(s, "Sid", ""),
}

json_principals(p) := [{"type": "*", "id": "*"}] if p == "*"

else := [{"type": t, "id": id} |
	is_object(p)
	some t, ids in p
	some id in tf.as_list(ids)
] if {
	is_object(p)
}

else := []

json_conditions(c) := [{"test": test, "variable": variable, "values": strings(values), "unknown_values": 0} |
	is_object(c)
	some test, vars in c
	is_object(vars)
	some variable, values in vars
] if is_object(c)

else := []

hcl_statement(s) := {
	"effect": object.get(s, "effect", "Allow"),
	"actions": strings(object.get(s, "actions", [])),
	"not_actions": strings(object.get(s, "not_actions", [])),
	"resources": strings(object.get(s, "resources", [])),
	"principals": [{"type": object.get(p, "type", ""), "id": id} |
		some p in values_or_empty(object.get(s, "principals", []))
		some id in strings(object.get(p, "identifiers", []))
	],
	"conditions": [{
		"test": object.get(c, "test", ""),
		"variable": object.get(c, "variable", ""),
		"values": strings(object.get(c, "values", [])),
		"unknown_values": unknown_count(object.get(c, "values", null)),
	} |
		some c in values_or_empty(object.get(s, "condition", []))
	],
	"sid": object.get(s, "sid", ""),
}

# unknown_count is how many values of a condition block are only known
# after apply (null in the list); a list that is itself unknown (absent, as
# values is required) counts as one.
unknown_count(values) := count([v | some v in values; v == null]) if is_array(values)

else := 1 if values == null

else := 0

values_or_empty(x) := x if is_array(x)

else := []

# strings is x as a list of strings ("one or many"; booleans and numbers,
# which IAM accepts in conditions, written as strings).
strings(x) := [str(v) | some v in tf.as_list(x); v != null]

str(v) := v if is_string(v)

else := sprintf("%v", [v])

# public_principal is true when statement s applies to everyone: Principal
# "*", or an AWS principal "*".
public_principal(s) if {
	some p in s.principals
	p.id == "*"
	p.type in {"*", "AWS"}
}

# live_providers are the providers whose facts are read from an AWS
# account (live or from a snapshot of one), not from Terraform.
live_providers := {"aws", "aws-snapshot"}

# live(r) holds when r was read from an AWS account.
live(r) if r.source.provider in live_providers
