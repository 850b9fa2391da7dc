# METADATA
# title: EBS volumes are encrypted at rest
# description: |
#   EBS volumes, the root and additional block devices of EC2 instances and
#   launch configurations, and the EBS block device mappings of launch
#   templates must be encrypted. An account with aws_ebs_encryption_by_default
#   enabled in the same configuration encrypts new volumes whatever they
#   say, so nothing is reported for them then; an
#   aws_ebs_encryption_by_default with enabled = false is itself a finding
#   (CIS AWS Foundations 3.0.0 2.2.1), left out it is true. A volume or a
#   block device that leaves encrypted out is unencrypted unless it is
#   created from a snapshot (snapshot_id), whose encryption it takes: a new
#   empty volume is encrypted only by the account default, which no
#   configuration here says, and an instance's root volume takes the AMI
#   snapshot's, which public AMIs leave unencrypted. In a nested block the
#   argument counts as left out when its value is absent (or unknown in a
#   plan, as the provider computes it) and the configuration refers to
#   nothing for it; a value computed from another resource is not judged.
# custom:
#   controls: ["8.24"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:aws_ebs_volume
#     - resource:aws_instance
#     - resource:aws_launch_template
#     - resource:aws_launch_configuration
#     - resource:aws_ebs_encryption_by_default
#   remediation: |
#     Set encrypted = true (with a customer-managed kms_key_id where your key
#     policy requires one) on volumes, block devices and launch template
#     block device mappings, or enable aws_ebs_encryption_by_default for the
#     account and region.
package annexa.controls.c8_24.aws_ebs

import data.annexa.lib.tf

deny contains finding if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	tf.explicitly_false(d, "enabled")
	finding := {"msg": "EBS encryption by default is switched off for the account and region (enabled = false)", "resource": d.id}
}

deny contains finding if {
	not encrypted_by_default
	some v in tf.resources("aws_ebs_volume")
	tf.explicitly_false(v, "encrypted")
	finding := {"msg": "EBS volume is not encrypted", "resource": v.id}
}

# Left out, encrypted is the provider's to decide (unknown in a plan): AWS
# encrypts a new empty volume only when the account encrypts by default,
# which no configuration here says. A volume from a snapshot takes the
# snapshot's encryption.
deny contains finding if {
	not encrypted_by_default
	some v in tf.resources("aws_ebs_volume")
	volume_left_out(v)
	finding := {"msg": "EBS volume leaves encrypted out, so it is not encrypted unless the account encrypts new volumes by default", "resource": v.id}
}

deny contains finding if {
	not encrypted_by_default
	some t in ["aws_instance", "aws_launch_configuration"]
	some r in tf.resources(t)
	some dev in devices(r)
	dev.verdict != "encrypted"
	finding := {
		"msg": sprintf("%s %s %s%s", [label[t], dev.kind, dev.name, verdict_msg[dev.verdict]]),
		"resource": r.id,
		"details": {"block_device": dev.kind},
	}
}

deny contains finding if {
	not encrypted_by_default
	some lt in tf.resources("aws_launch_template")
	some dev in template_devices(lt)
	dev.verdict != "encrypted"
	finding := {
		"msg": sprintf("launch template block device mapping %s%s", [dev.name, verdict_msg[dev.verdict]]),
		"resource": lt.id,
		"details": {"block_device": "block_device_mappings"},
	}
}

label := {"aws_instance": "EC2 instance", "aws_launch_configuration": "launch configuration"}

verdict_msg := {
	"unencrypted": " is not encrypted",
	"left_out": " leaves encrypted out, so it is not encrypted unless the account encrypts new volumes by default or its snapshot is encrypted",
}

encrypted_by_default if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	object.get(d.attributes, "enabled", true) == true
	not tf.is_unknown(d, "enabled")
}

volume_left_out(v) if {
	tf.omitted(v, "encrypted")
	not is_boolean(object.get(v.attributes, "encrypted", null))
	not from_volume_snapshot(v)
}

# from_volume_snapshot is true when the volume is created from a snapshot:
# snapshot_id set, referenced, or written and only known after apply (the
# provider computes it, so a plan shows a left-out snapshot_id unknown).
from_volume_snapshot(v) if tf.has_value(v, "snapshot_id")

from_volume_snapshot(v) if tf.referenced(v, "snapshot_id")

from_volume_snapshot(v) if {
	tf.is_unknown(v, "snapshot_id")
	not tf.omitted(v, "snapshot_id")
}

# devices are the judged block devices of an instance or launch
# configuration: {kind, name, verdict} with verdict encrypted, unencrypted
# or left_out.
devices(r) := [{"kind": kind, "name": object.get(dev, "device_name", ""), "verdict": v} |
	some kind in ["root_block_device", "ebs_block_device"]
	some dev in object.get(r.attributes, kind, [])
	is_object(dev)
	v := device_verdict(r, kind, dev)
]

template_devices(lt) := [{"name": object.get(m, "device_name", ""), "verdict": v} |
	some m in object.get(lt.attributes, "block_device_mappings", [])
	is_object(m)
	some e in object.get(m, "ebs", [])
	is_object(e)
	v := device_verdict(lt, "block_device_mappings.ebs", e)
]

# device_verdict judges the encrypted argument of block dev of r, at
# ref_path (the block's path without list indexes, as references are
# keyed). Launch templates write it as a string ("true", "false", "").
device_verdict(r, ref_path, dev) := "encrypted" if {
	is_string(r.id)
	is_string(ref_path)
	truthy(object.get(dev, "encrypted", null))
} else := "unencrypted" if {
	falsy(object.get(dev, "encrypted", null))
} else := "left_out" if {
	not decided_value(object.get(dev, "encrypted", null))
	not referenced(r, ref_path)
	not from_snapshot(dev)
}

truthy(v) if v == true

truthy(v) if v == "true"

falsy(v) if v == false

falsy(v) if v == "false"

decided_value(v) if truthy(v)

decided_value(v) if falsy(v)

from_snapshot(dev) if {
	s := object.get(dev, "snapshot_id", null)
	is_string(s)
	s != ""
}

referenced(r, ref_path) if count(object.get(r, ["references", sprintf("%s.encrypted", [ref_path])], [])) > 0

referenced(r, ref_path) if count(object.get(r, ["references", sprintf("%s.snapshot_id", [ref_path])], [])) > 0

# judged are the encryption-by-default settings, the volumes whose
# encryption is known or left out to the provider's default (a volume from a
# snapshot takes the snapshot's), and the instances, launch configurations
# and launch templates with a judged block device; with encryption by
# default on, every volume is judged.
judged contains d.id if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	is_boolean(object.get(d.attributes, "enabled", null))
}

judged contains v.id if {
	some v in tf.resources("aws_ebs_volume")
	decided(v)
}

judged contains r.id if {
	some t in ["aws_instance", "aws_launch_configuration"]
	some r in tf.resources(t)
	count(devices(r)) > 0
}

judged contains lt.id if {
	some lt in tf.resources("aws_launch_template")
	count(template_devices(lt)) > 0
}

decided(_) if encrypted_by_default

decided(v) if is_boolean(v.attributes.encrypted)

decided(v) if volume_left_out(v)
