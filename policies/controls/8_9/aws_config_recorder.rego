# METADATA
# title: AWS Config records the configuration of every resource type
# description: |
#   Each aws_config_configuration_recorder is started: an
#   aws_config_configuration_recorder_status with is_enabled = true names it
#   (AWS creates recorders stopped, and only the status resource starts
#   them). A recorder records all supported resource types
#   (recording_group.all_supported is not false), so configuration drift in
#   any of them is recorded and can be detected.
# custom:
#   controls: ["8.9"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_config_configuration_recorder
#     - resource:aws_config_configuration_recorder_status
#   remediation: |
#     Add an aws_config_configuration_recorder_status with name =
#     aws_config_configuration_recorder.<name>.name and is_enabled = true
#     (it needs an aws_config_delivery_channel), and keep recording_group {
#     all_supported = true, include_global_resource_types = true } in the
#     home region.
package annexa.controls.c8_9.aws_config_recorder

import data.annexa.lib.tf

deny contains finding if {
	some r in tf.resources("aws_config_configuration_recorder")
	not started(r)
	finding := {
		"msg": "AWS Config recorder is never started: no aws_config_configuration_recorder_status with is_enabled = true names it",
		"resource": r.id,
	}
}

deny contains finding if {
	some s in tf.resources("aws_config_configuration_recorder_status")
	tf.explicitly_false(s, "is_enabled")
	finding := {"msg": "AWS Config recording is stopped (is_enabled is false)", "resource": s.id}
}

deny contains finding if {
	some r in tf.resources("aws_config_configuration_recorder")
	some g in object.get(r.attributes, "recording_group", [])
	g.all_supported == false
	finding := {"msg": "AWS Config recorder records only selected resource types (all_supported is false)", "resource": r.id}
}

# running is what the enabled recorder statuses name, collected once.
running := {p |
	some s in tf.resources("aws_config_configuration_recorder_status")
	not tf.explicitly_false(s, "is_enabled")
	some p in tf.pointers(s, "name")
}

started(r) if {
	some k in tf.identities(r)
	k in running
}

started(r) if recorder_name(r) in running

# recorder_name is the recorder's name; left out of the configuration it is
# the provider's default, "default", which a plan shows and Terraform
# source does not.
recorder_name(r) := r.attributes.name if is_string(r.attributes.name)

recorder_name(r) := "default" if {
	not "name" in object.keys(r.attributes)
	not tf.is_unknown(r, "name")
}

# judged are the recorders (each must be started) and the recorder
# statuses whose switch is known.
judged := tf.ids(["aws_config_configuration_recorder"]) | {s.id |
	some s in tf.resources("aws_config_configuration_recorder_status")
	is_boolean(s.attributes.is_enabled)
}
