# METADATA
# title: Compute Engine instances block project-wide SSH keys and serial port access
# description: |
#   SSH access to a Compute Engine instance is granted to that instance on
#   its own: its metadata sets block-project-ssh-keys to true (CIS GCP
#   3.0.0 4.3), so an SSH key added to project metadata does not open every
#   instance, unless it turns OS Login on (enable-oslogin true), which
#   ignores metadata keys. Metadata left out, or without the key, is a
#   finding: instances accept project-wide keys by default. The interactive
#   serial console is not enabled (serial-port-enable true, on the
#   instance, its template or the project; CIS GCP 3.0.0 4.5): it accepts
#   connections from any IP address. Instances and templates made by GKE
#   are not in Terraform and so not judged; metadata known only after apply
#   is not judged.
# custom:
#   controls: ["8.5"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:google_compute_instance
#     - resource:google_compute_instance_template
#     - resource:google_compute_region_instance_template
#     - resource:google_compute_project_metadata
#     - resource:google_compute_project_metadata_item
#   remediation: |
#     Set metadata = { block-project-ssh-keys = "true" } (or enable-oslogin =
#     "TRUE") on each instance and template, and remove serial-port-enable
#     or set it to "false"; enforce constraints/compute.disableSerialPortAccess
#     for the organization.
package annexa.controls.c8_5.gcp_instance_ssh

import data.annexa.lib.tf

label := {
	"google_compute_instance": "instance",
	"google_compute_instance_template": "instance template",
	"google_compute_region_instance_template": "instance template",
}

deny contains finding if {
	some t, what in label
	some r in tf.resources(t)
	md := metadata(r)
	not truthy(object.get(md, "block-project-ssh-keys", ""))
	not truthy(object.get(md, "enable-oslogin", ""))
	finding := {
		"msg": sprintf("%s %s accepts project-wide SSH keys (block-project-ssh-keys is not true)", [what, tf.display_name(r)]),
		"resource": r.id,
	}
}

deny contains finding if {
	some t, what in label
	some r in tf.resources(t)
	truthy(object.get(metadata(r), "serial-port-enable", ""))
	finding := {
		"msg": sprintf("%s %s enables interactive serial port access (serial-port-enable)", [what, tf.display_name(r)]),
		"resource": r.id,
	}
}

deny contains finding if {
	some r in tf.resources("google_compute_project_metadata")
	truthy(object.get(metadata(r), "serial-port-enable", ""))
	finding := {
		"msg": "project metadata enables interactive serial port access for every instance that does not turn it off",
		"resource": r.id,
	}
}

deny contains finding if {
	some r in tf.resources("google_compute_project_metadata_item")
	object.get(r.attributes, "key", "") == "serial-port-enable"
	truthy(object.get(r.attributes, "value", ""))
	finding := {
		"msg": "project metadata enables interactive serial port access for every instance that does not turn it off",
		"resource": r.id,
	}
}

# metadata is the resource's known metadata map; left out (null or absent,
# and not unknown) it is empty.
metadata(r) := r.attributes.metadata if {
	is_object(r.attributes.metadata)
} else := {} if {
	not tf.is_unknown(r, "metadata")
	not tf.referenced(r, "metadata")
}

# truthy is true for the values the guest environment reads as true;
# Terraform turns a bool in this map(string) into "true" or "false".
truthy(v) if lower(trim_space(sprintf("%v", [v]))) in {"true", "t", "1", "y", "yes"}

# judged are the instances and templates whose metadata is known, and the
# project metadata that sets the serial port.
judged contains r.id if {
	some t, _ in label
	some r in tf.resources(t)
	metadata(r)
}

judged contains r.id if {
	some r in tf.resources("google_compute_project_metadata")
	"serial-port-enable" in object.keys(metadata(r))
}

judged contains r.id if {
	some r in tf.resources("google_compute_project_metadata_item")
	object.get(r.attributes, "key", "") == "serial-port-enable"
	is_string(r.attributes.value)
}
