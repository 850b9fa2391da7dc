package annexa.controls.c8_24.aws_ebs_test

import data.annexa.controls.c8_24.aws_ebs as check
import data.annexa.lib.testing

test_pass_encrypted_volume if {
	facts := testing.facts([testing.resource("aws_ebs_volume", "a", {"encrypted": true, "size": 100})])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_unknown_encryption_not_judged if {
	facts := testing.facts([testing.resource("aws_ebs_volume", "a", {"size": 100})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_unencrypted_volume if {
	facts := testing.facts([testing.resource("aws_ebs_volume", "a", {"encrypted": false})])
	findings := check.deny with data.facts as facts
	findings == {{"msg": "EBS volume is not encrypted", "resource": "aws_ebs_volume.a"}}
}

test_pass_account_default_encryption if {
	facts := testing.facts([
		testing.resource("aws_ebs_volume", "a", {"encrypted": false}),
		testing.resource("aws_ebs_encryption_by_default", "this", {"enabled": true}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_instance_root_device if {
	facts := testing.facts([testing.resource("aws_instance", "web", {
		"root_block_device": [{"encrypted": false, "device_name": "/dev/xvda"}],
		"ebs_block_device": [{"encrypted": true, "device_name": "/dev/sdf"}],
	})])
	findings := check.deny with data.facts as facts
	count(findings) == 1
	some f in findings
	f.details.block_device == "root_block_device"
}

test_pass_deleted_volume_not_judged if {
	old := object.union(testing.resource("aws_ebs_volume", "old", {"encrypted": false}), {"actions": ["delete"]})
	count(check.deny) == 0 with data.facts as testing.facts([old])
}

# encrypted left out: unknown in a plan (or null), the provider's default
left_out_encrypted := object.union(
	testing.resource("aws_ebs_volume", "omitted", {"size": 20}),
	{"configured": ["size"], "unknown": ["encrypted"]},
)

test_fail_encrypted_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_encrypted])
	some f in findings
	contains(f.msg, "leaves encrypted out")
}

test_pass_encrypted_written_but_unknown if {
	written := object.union(left_out_encrypted, {"configured": ["encrypted", "size"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "leaves encrypted out")
	}
}

test_pass_encrypted_configuration_unsaid if {
	unsaid := object.remove(left_out_encrypted, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "leaves encrypted out")
	}
}

test_pass_judges_known_encryption if {
	check.judged == {"aws_ebs_volume.a"} with data.facts as testing.facts([testing.resource("aws_ebs_volume", "a", {"encrypted": true})])
	check.judged == {"aws_ebs_volume.omitted"} with data.facts as testing.facts([left_out_encrypted])
}

test_pass_unknown_encryption_judges_nothing if {
	count(check.judged) == 0 with data.facts as testing.facts([testing.resource("aws_ebs_volume", "a", {"size": 100})])
	by_default := testing.resource("aws_ebs_encryption_by_default", "this", {"enabled": true})
	check.judged == {"aws_ebs_volume.a", "aws_ebs_encryption_by_default.this"} with data.facts as testing.facts([testing.resource("aws_ebs_volume", "a", {"size": 100}), by_default])
}

test_fail_encryption_by_default_off if {
	off := testing.resource("aws_ebs_encryption_by_default", "this", {"enabled": false})
	v := testing.resource("aws_ebs_volume", "a", {"encrypted": false})
	findings := check.deny with data.facts as testing.facts([off, v])
	{f.resource | some f in findings} == {"aws_ebs_encryption_by_default.this", "aws_ebs_volume.a"}
}

test_fail_instance_device_left_out if {
	i := object.union(testing.resource("aws_instance", "web", {"ebs_block_device": [{"device_name": "/dev/sdf", "volume_size": 50}]}), {"unknown": ["ebs_block_device.0.encrypted"]})
	findings := check.deny with data.facts as testing.facts([i])
	some f in findings
	contains(f.msg, "leaves encrypted out")
}

test_pass_instance_device_from_snapshot_or_referenced if {
	snap := testing.resource("aws_instance", "web", {"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-1"}]})
	count(check.deny) == 0 with data.facts as testing.facts([snap])
	ref := testing.with_refs(
		testing.resource("aws_instance", "web", {"root_block_device": [{"volume_size": 50}]}),
		{"root_block_device.encrypted": ["aws_kms_key.k"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([ref])
	count(check.judged) == 0 with data.facts as testing.facts([ref])
}

template(enc) := testing.resource("aws_launch_template", "web", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [enc]}]})

test_fail_launch_template_mapping if {
	count(check.deny) == 1 with data.facts as testing.facts([template({"encrypted": "false"})])
	count(check.deny) == 1 with data.facts as testing.facts([template({"volume_size": 20})])
	count(check.deny) == 0 with data.facts as testing.facts([template({"encrypted": "true"})])
	count(check.deny) == 0 with data.facts as testing.facts([template({"encrypted": true})])
	check.judged == {"aws_launch_template.web"} with data.facts as testing.facts([template({"encrypted": "true"})])
	by_default := testing.resource("aws_ebs_encryption_by_default", "this", {"enabled": true})
	count(check.deny) == 0 with data.facts as testing.facts([template({"encrypted": "false"}), by_default])
}

test_fail_launch_configuration_device if {
	lc := testing.resource("aws_launch_configuration", "web", {"root_block_device": [{"encrypted": false}]})
	count(check.deny) == 1 with data.facts as testing.facts([lc])
}

test_fail_left_out_in_plan_with_computed_snapshot if {
	v := object.union(testing.resource("aws_ebs_volume", "v", {"size": 10}), {"configured": ["availability_zone", "size"], "unknown": ["encrypted", "snapshot_id"]})
	count(check.deny) == 1 with data.facts as testing.facts([v])
	written := object.union(v, {"configured": ["availability_zone", "size", "snapshot_id"]})
	count(check.deny) == 0 with data.facts as testing.facts([written])
}
