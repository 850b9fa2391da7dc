# METADATA
# title: EBS volumes are encrypted at rest
# description: |
#   EBS volumes and the root and additional block devices of EC2 instances
#   must be encrypted. An account with aws_ebs_encryption_by_default enabled
#   in the same configuration encrypts new volumes whatever they say, so
#   nothing is reported then.
# custom:
#   controls: ["8.24"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:aws_ebs_volume
#     - resource:aws_instance
#   remediation: |
#     Set encrypted = true (with a customer-managed kms_key_id where your key
#     policy requires one), or enable aws_ebs_encryption_by_default for the
#     account and region.
package annexa.controls.c8_24.aws_ebs

import data.annexa.lib.tf

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
	tf.omitted(v, "encrypted")
	not is_boolean(object.get(v.attributes, "encrypted", null))
	not tf.configured(v, "snapshot_id")
	finding := {"msg": "EBS volume leaves encrypted out, so it is not encrypted unless the account encrypts new volumes by default", "resource": v.id}
}

deny contains finding if {
	not encrypted_by_default
	some i in tf.resources("aws_instance")
	some kind in ["root_block_device", "ebs_block_device"]
	some dev in object.get(i.attributes, kind, [])
	dev.encrypted == false
	finding := {
		"msg": sprintf("EC2 instance %s %s is not encrypted", [kind, object.get(dev, "device_name", "")]),
		"resource": i.id,
		"details": {"block_device": kind},
	}
}

encrypted_by_default if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	d.attributes.enabled == true
}

# judged are the volumes whose encryption is known, or left out to the
# provider's default (a volume from a snapshot takes the snapshot's), and
# the instances with a block device whose encryption is known; with
# encryption by default on, every volume is judged.
judged contains v.id if {
	some v in tf.resources("aws_ebs_volume")
	decided(v)
}

judged contains i.id if {
	some i in tf.resources("aws_instance")
	some kind in ["root_block_device", "ebs_block_device"]
	some dev in object.get(i.attributes, kind, [])
	is_boolean(dev.encrypted)
}

decided(_) if encrypted_by_default

decided(v) if is_boolean(v.attributes.encrypted)

decided(v) if {
	tf.omitted(v, "encrypted")
	not is_boolean(object.get(v.attributes, "encrypted", null))
	not tf.configured(v, "snapshot_id")
}
