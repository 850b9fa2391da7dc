# METADATA
# title: Managed resources have not drifted from their Terraform configuration
# description: |
#   A resource Terraform manages is changed only through the configuration,
#   so that every change is reviewed and recorded (8.32) and the
#   configuration stays the true description of the system (8.9). Drift is
#   found two ways. Terraform's own refresh: each resource of the plan's
#   resource_drift is a finding, naming the attributes that changed
#   outside of Terraform (those the service itself updates, such as
#   last_modified or etag, are not configuration and are passed over), or
#   saying the resource was deleted. And the live cloud: with a plan and a
#   live AWS account or snapshot in one run, each managed resource of the
#   plan is matched to the account's by type and cloud id; a compared
#   attribute (the settings the AWS policies judge) whose known value in the
#   cloud differs from the plan's is a finding, and so is a resource the
#   plan manages that is gone from a service and region the collection
#   read. Resources of the account that no plan of the run manages are not
#   drift (another state file may manage them): the run counts them in a
#   warning.
# custom:
#   controls: ["8.9", "8.32"]
#   severity: medium
#   coverage:
#     "8.9": supporting
#     "8.32": supporting
#   inputs:
#     - resource:annexa_plan_drift
#     - resource:annexa_aws_collection
#   remediation: |
#     Find who changed the resource and why (CloudTrail records the call),
#     then bring the change under change management: apply the
#     configuration again to undo it, or change the configuration to match
#     through a reviewed change.
package annexa.controls.c8_9.drift

import data.annexa.lib.aws
import data.annexa.lib.tf

# volatile are attributes the service updates by itself: their change is
# not configuration drift.
volatile := {
	"etag", "last_modified", "last_modified_date", "last_updated", "latest_version",
	"modified_at", "qualified_arn", "qualified_invoke_arn", "state", "status",
	"updated_at", "version", "version_id",
}

deny contains finding if {
	some d in tf.data_sources("annexa_plan_drift")
	msg := plan_drift_msg(d)
	finding := {
		"msg": msg,
		"resource": d.id,
		"details": {"address": d.attributes.address, "attributes": configuration_changes(d), "actions": d.attributes.actions},
	}
}

configuration_changes(d) := [a |
	some a in d.attributes.changed
	not a in volatile
]

plan_drift_msg(d) := sprintf("Terraform found %s deleted outside of Terraform", [d.attributes.address]) if {
	"delete" in d.attributes.actions
} else := sprintf("Terraform found %s changed outside of Terraform: %s", [d.attributes.address, concat(", ", changes)]) if {
	changes := configuration_changes(d)
	count(changes) > 0
}

# compared are the resource types the AWS provider collects, with the
# service that reads them and the attributes compared between the plan and
# the cloud.
compared := {
	"aws_s3_bucket_public_access_block": {"service": "s3", "attributes": ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]},
	"aws_s3_bucket_server_side_encryption_configuration": {"service": "s3", "attributes": ["rule"]},
	"aws_s3_bucket_versioning": {"service": "s3", "attributes": ["versioning_configuration"]},
	"aws_s3_bucket_logging": {"service": "s3", "attributes": ["target_bucket"]},
	"aws_s3_bucket_policy": {"service": "s3", "attributes": ["policy"]},
	"aws_s3_bucket": {"service": "s3", "attributes": []},
	"aws_s3_account_public_access_block": {"service": "s3control", "attributes": ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]},
	"aws_security_group": {"service": "ec2", "attributes": ["ingress", "egress"]},
	"aws_default_security_group": {"service": "ec2", "attributes": ["ingress", "egress"]},
	"aws_vpc": {"service": "ec2", "attributes": ["cidr_block"]},
	"aws_flow_log": {"service": "ec2", "attributes": ["traffic_type", "log_destination"]},
	"aws_ebs_volume": {"service": "ec2", "attributes": ["encrypted"]},
	"aws_ebs_encryption_by_default": {"service": "ec2", "attributes": ["enabled"]},
	"aws_instance": {"service": "ec2", "attributes": ["metadata_options", "root_block_device", "monitoring", "iam_instance_profile"]},
	"aws_launch_template": {"service": "ec2", "attributes": ["metadata_options", "block_device_mappings"]},
	"aws_iam_account_password_policy": {"service": "iam", "attributes": [
		"minimum_password_length", "require_lowercase_characters", "require_uppercase_characters",
		"require_numbers", "require_symbols", "password_reuse_prevention", "max_password_age",
	]},
	"aws_iam_user": {"service": "iam", "attributes": []},
	"aws_iam_access_key": {"service": "iam", "attributes": ["status"]},
	"aws_iam_policy": {"service": "iam", "attributes": ["policy"]},
	"aws_cloudtrail": {"service": "cloudtrail", "attributes": [
		"is_multi_region_trail", "include_global_service_events", "enable_log_file_validation",
		"enable_logging", "kms_key_id", "cloud_watch_logs_group_arn",
	]},
	"aws_kms_key": {"service": "kms", "attributes": ["enable_key_rotation", "is_enabled"]},
	"aws_db_instance": {"service": "rds", "attributes": [
		"storage_encrypted", "publicly_accessible", "multi_az", "backup_retention_period",
		"deletion_protection", "iam_database_authentication_enabled",
	]},
	"aws_dynamodb_table": {"service": "dynamodb", "attributes": ["point_in_time_recovery", "server_side_encryption", "deletion_protection_enabled"]},
}

collections := tf.data_sources("annexa_aws_collection")

# planned are the plan's managed resources of the compared types whose
# cloud id is known, when the run has a live account to compare them with.
planned contains r if {
	count(collections) > 0
	some t, _ in compared
	some r in tf.resources(t)
	r.source.provider == "terraform-plan"
	is_string(r.attributes.id)
}

key(r) := sprintf("%s|%s", [r.type, r.attributes.id])

live_by_key := {k: {v | some [k2, v] in live_by_key_pairs; k2 == k} | some k in {x | some [x, _] in live_by_key_pairs}}

live_by_key_pairs contains [key(l), l] if {
	some t, _ in compared
	some l in tf.resources(t)
	aws.live(l)
	is_string(l.attributes.id)
}

deny contains finding if {
	some r in planned
	index := live_by_key
	some l in index[key(r)]
	diffs := {a: {"cloud": value(l, a), "plan": value(r, a)} |
		some a in compared[r.type].attributes
		known(r, a)
		known(l, a)
		value(l, a) != value(r, a)
	}
	count(diffs) > 0
	finding := {
		"msg": sprintf("%s differs in the cloud from the plan: %s", [r.id, concat("; ", [sprintf("%s is %v in the cloud, %v in the plan", [a, d.cloud, d.plan]) | some a, d in diffs])]),
		"resource": r.id,
		"details": {"attributes": diffs, "cloud_resource": l.id},
	}
}

deny contains finding if {
	some r in planned
	not live_by_key[key(r)]
	some c in collections
	covered(r, c)
	finding := {
		"msg": sprintf("%s is managed by Terraform but gone from the cloud: no %s %s in account %s", [r.id, r.type, r.attributes.id, c.attributes.account_id]),
		"resource": r.id,
		"details": {"account_id": c.attributes.account_id},
	}
}

judged contains d.id if some d in tf.data_sources("annexa_plan_drift")

judged contains r.id if {
	some r in planned
	live_by_key[key(r)]
}

judged contains r.id if {
	some r in planned
	some c in collections
	covered(r, c)
}

# known is true when attribute a of r is neither unknown nor absent.
known(r, a) if {
	not tf.is_unknown(r, a)
	_ = r.attributes[a]
}

# covered is true when collection c read the service and region of r in
# r's account, so that r's absence from it means r is gone.
covered(r, c) if {
	scope := service_scope(r)
	scope in c.attributes.assessed
	same_account(r, c)
}

service_scope(r) := compared[r.type].service if compared[r.type].service in {"s3", "s3control", "iam"}

else := sprintf("%s:%s", [compared[r.type].service, region_of(r)])

region_of(r) := r.attributes.id if r.type == "aws_ebs_encryption_by_default"

else := split(r.attributes.arn, ":")[3] if {
	is_string(r.attributes.arn)
	count(split(r.attributes.arn, ":")) > 4
}

same_account(r, _) if {
	not is_string(r.attributes.arn)
	r.type != "aws_s3_account_public_access_block"
}

# An account-level public access block has no ARN: its id is the account's.
same_account(r, c) if {
	r.type == "aws_s3_account_public_access_block"
	r.attributes.id == c.attributes.account_id
}

same_account(r, c) if {
	is_string(r.attributes.arn)
	parts := split(r.attributes.arn, ":")
	parts[4] in {"", c.attributes.account_id}
}

# value is attribute a of r in a form both the plan and the cloud give
# alike: an empty string is null, policy documents are compared as JSON,
# and nested blocks as the sets of what the AWS provider reads of them.
value(r, a) := {rule_value(x) | some x in r.attributes[a]} if a in {"ingress", "egress"}

else := {[d.sse_algorithm, empty_null(object.get(d, "kms_master_key_id", null))] |
	some rule in r.attributes.rule
	some d in rule.apply_server_side_encryption_by_default
} if {
	a == "rule"
}

else := {v.status | some v in r.attributes.versioning_configuration} if a == "versioning_configuration"

else := {p.enabled | some p in r.attributes.point_in_time_recovery} if a == "point_in_time_recovery"

else := {lower(object.get(o, "http_tokens", "")) | some o in r.attributes.metadata_options} if a == "metadata_options"

else := {[object.get(d, "device_name", ""), object.get(d, "encrypted", null)] | some d in r.attributes.root_block_device} if a == "root_block_device"

else := {[object.get(m, "device_name", ""), object.get(e, "encrypted", "")] |
	some m in r.attributes.block_device_mappings
	some e in object.get(m, "ebs", [])
} if {
	a == "block_device_mappings"
}

else := {[object.get(s, "enabled", null), empty_null(object.get(s, "kms_key_arn", null))] | some s in r.attributes.server_side_encryption} if a == "server_side_encryption"

else := json.unmarshal(r.attributes[a]) if {
	a == "policy"
	is_string(r.attributes[a])
	json.is_valid(r.attributes[a])
}

else := empty_null(r.attributes[a])

rule_value(x) := {
	"protocol": x.protocol,
	"from_port": x.from_port,
	"to_port": x.to_port,
	"cidr_blocks": {c | some c in object.get(x, "cidr_blocks", [])},
	"ipv6_cidr_blocks": {c | some c in object.get(x, "ipv6_cidr_blocks", [])},
	"security_groups": {g | some g in object.get(x, "security_groups", [])},
	"self": object.get(x, "self", false),
}

empty_null(v) := null if v == ""

else := v
