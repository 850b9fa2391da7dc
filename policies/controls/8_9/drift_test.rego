package annexa.controls.c8_9.drift_test

import data.annexa.controls.c8_9.drift as check
import data.annexa.lib.testing

plan_drift(address, actions, changed) := object.union(
	testing.resource("annexa_plan_drift", "this", {
		"address": address, "resource_type": split(address, ".")[0], "actions": actions, "changed": changed,
	}),
	{"mode": "data", "id": sprintf("data.annexa_plan_drift.this[%q]", [address])},
)

collection(assessed) := object.union(
	testing.resource("annexa_aws_collection", "this", {
		"account_id": "111122223333", "regions": ["eu-west-1"], "assessed": assessed,
	}),
	{"mode": "data", "id": "data.annexa_aws_collection.this[\"111122223333\"]", "source": {"provider": "aws", "file": "aws://111122223333"}},
)

planned(t, name, attrs) := object.union(testing.resource(t, name, attrs), {"source": {"provider": "terraform-plan", "file": "tfplan.json"}})

live(t, id, attrs) := object.union(testing.resource(t, "eu-west-1", object.union({"id": id}, attrs)), {
	"id": sprintf("%s.eu-west-1[%q]", [t, id]),
	"source": {"provider": "aws-snapshot", "file": "snapshot.json"},
})

sg_rule(port, cidr) := {"protocol": "tcp", "from_port": port, "to_port": port, "cidr_blocks": [cidr], "ipv6_cidr_blocks": [], "security_groups": [], "self": false, "description": ""}

sg_arn := "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1"

test_fail_plan_drift_changed if {
	findings := check.deny with data.facts as testing.facts([plan_drift("aws_security_group.web", ["update"], ["ingress", "tags_all"])])
	{f.msg | some f in findings} == {"Terraform found aws_security_group.web changed outside of Terraform: ingress, tags_all"}
}

test_fail_plan_drift_deleted if {
	findings := check.deny with data.facts as testing.facts([plan_drift("aws_db_instance.app", ["delete"], [])])
	{f.msg | some f in findings} == {"Terraform found aws_db_instance.app deleted outside of Terraform"}
}

test_pass_plan_drift_volatile_only if {
	facts := testing.facts([plan_drift("aws_lambda_function.api", ["update"], ["last_modified", "version"])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"data.annexa_plan_drift.this[\"aws_lambda_function.api\"]"} with data.facts as facts
}

test_pass_live_same if {
	facts := testing.facts([
		collection(["ec2:eu-west-1"]),
		planned("aws_security_group", "web", {"id": "sg-1", "arn": sg_arn, "ingress": [sg_rule(443, "0.0.0.0/0")], "egress": []}),
		live("aws_security_group", "sg-1", {"arn": sg_arn, "ingress": [object.union(sg_rule(443, "0.0.0.0/0"), {"description": "https"})], "egress": []}),
	])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_security_group.web"} with data.facts as facts
}

test_fail_live_attribute_differs if {
	facts := testing.facts([
		collection(["ec2:eu-west-1"]),
		planned("aws_security_group", "web", {"id": "sg-1", "arn": sg_arn, "ingress": [sg_rule(443, "0.0.0.0/0")], "egress": []}),
		live("aws_security_group", "sg-1", {"arn": sg_arn, "ingress": [sg_rule(443, "0.0.0.0/0"), sg_rule(22, "0.0.0.0/0")], "egress": []}),
	])
	findings := check.deny with data.facts as facts
	[f.resource | some f in findings] == ["aws_security_group.web"]
	some f in findings
	object.keys(f.details.attributes) == {"ingress"}
	f.details.cloud_resource == "aws_security_group.eu-west-1[\"sg-1\"]"
}

test_pass_live_null_and_empty_alike if {
	facts := testing.facts([
		collection(["cloudtrail:eu-west-1"]),
		planned("aws_cloudtrail", "main", {"id": "main", "arn": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main", "kms_key_id": "", "enable_logging": true}),
		live("aws_cloudtrail", "main", {"arn": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main", "kms_key_id": null, "enable_logging": true}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_live_gone if {
	facts := testing.facts([
		collection(["rds:eu-west-1"]),
		planned("aws_db_instance", "app", {"id": "db-APP", "arn": "arn:aws:rds:eu-west-1:111122223333:db:app"}),
	])
	findings := check.deny with data.facts as facts
	{f.msg | some f in findings} == {"aws_db_instance.app is managed by Terraform but gone from the cloud: no aws_db_instance db-APP in account 111122223333"}
}

test_pass_not_gone_when_not_read if {
	plan := planned("aws_db_instance", "app", {"id": "db-APP", "arn": "arn:aws:rds:eu-west-1:111122223333:db:app"})
	other_region := planned("aws_db_instance", "east", {"id": "db-EAST", "arn": "arn:aws:rds:us-east-1:111122223333:db:east"})
	other_account := planned("aws_db_instance", "theirs", {"id": "db-X", "arn": "arn:aws:rds:eu-west-1:999999999999:db:x"})
	facts := testing.facts([collection(["ec2:eu-west-1"]), plan, other_region, other_account])
	count(check.deny) == 0 with data.facts as facts
	count(check.judged) == 0 with data.facts as facts
}

test_pass_no_live_account_judges_nothing if {
	facts := testing.facts([planned("aws_db_instance", "app", {"id": "db-APP"})])
	count(check.deny) == 0 with data.facts as facts
	count(check.judged) == 0 with data.facts as facts
}

test_pass_unknown_not_compared if {
	p := object.union(planned("aws_kms_key", "k", {"id": "k1", "arn": "arn:aws:kms:eu-west-1:111122223333:key/k1"}), {"unknown": ["enable_key_rotation"]})
	facts := testing.facts([collection(["kms:eu-west-1"]), p, live("aws_kms_key", "k1", {"enable_key_rotation": false})])
	count(check.deny) == 0 with data.facts as facts
}
