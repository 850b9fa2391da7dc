# METADATA
# title: Provisioned DynamoDB tables scale their capacity with demand
# description: |
#   A DynamoDB table in provisioned capacity mode (billing_mode PROVISIONED,
#   the provider's default) has Application Auto Scaling targets for both
#   its read and its write capacity (aws_appautoscaling_target with
#   service_namespace dynamodb, scalable_dimension
#   dynamodb:table:ReadCapacityUnits and dynamodb:table:WriteCapacityUnits,
#   and resource_id table/<name>). Without them its capacity is fixed and
#   requests are throttled as soon as demand exceeds it. On-demand tables
#   (PAY_PER_REQUEST) scale by themselves. Global secondary indexes are not
#   judged.
# custom:
#   controls: ["8.6"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_dynamodb_table
#     - resource:aws_appautoscaling_target
#   remediation: |
#     Switch the table to billing_mode = "PAY_PER_REQUEST", or add
#     aws_appautoscaling_target and aws_appautoscaling_policy (target
#     tracking) resources for its read and write capacity.
package annexa.controls.c8_6.aws_dynamodb_autoscaling

import data.annexa.lib.tf

dimensions := {
	"dynamodb:table:ReadCapacityUnits": "read",
	"dynamodb:table:WriteCapacityUnits": "write",
}

deny contains finding if {
	some t in tf.resources("aws_dynamodb_table")
	object.get(t.attributes, "billing_mode", "PROVISIONED") == "PROVISIONED"
	not tf.is_unknown(t, "billing_mode")
	unscaled := sort([label |
		some dim, label in dimensions
		not scaled(t, dim)
	])
	count(unscaled) > 0
	finding := {
		"msg": sprintf("provisioned DynamoDB table has no auto scaling of its %s capacity", [concat(" and ", unscaled)]),
		"resource": t.id,
	}
}

# scaled_keys pairs each key a DynamoDB scaling target points at (a table
# address or table name) with the dimension it scales, collected once.
scaled_keys := {[k, dim] |
	some s in tf.resources("aws_appautoscaling_target")
	s.attributes.service_namespace == "dynamodb"
	dim := s.attributes.scalable_dimension
	dimensions[dim]
	some k in target_keys(s)
}

# target_keys are the table addresses a target's resource_id refers to in
# the configuration and the table name in its known value (table/<name>).
target_keys(s) := {k | some k in object.get(s, ["references", "resource_id"], [])} | {substring(id, 6, -1) |
	id := s.attributes.resource_id
	is_string(id)
	startswith(id, "table/")
	not contains(id, "/index/")
}

scaled(t, dim) if {
	some k in (tf.identities(t) | {n | n := t.attributes.name; is_string(n)})
	[k, dim] in scaled_keys
}

# judged are the tables whose billing mode is known (or AWS's default,
# provisioned): on demand they scale by themselves.
judged contains t.id if {
	some t in tf.resources("aws_dynamodb_table")
	not tf.is_unknown(t, "billing_mode")
}
