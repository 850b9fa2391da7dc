# METADATA
# title: Compute Engine keeps OS Login on
# description: |
#   SSH access to Compute Engine instances goes through OS Login, which ties
#   every sign-in to a Google identity, its IAM roles and its 2-step
#   verification. Setting the enable-oslogin metadata key to FALSE (or F, or
#   0) on an instance, an instance template or the whole project turns it
#   off, and instances fall back to SSH keys kept in metadata, which nobody
#   revokes when a person leaves.
# custom:
#   controls: ["8.5"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:google_compute_instance
#     - resource:google_compute_instance_template
#     - resource:google_compute_project_metadata
#     - resource:google_compute_project_metadata_item
#   remediation: |
#     Remove enable-oslogin = "FALSE" (set it to "TRUE" in project metadata,
#     or enforce the constraints/compute.requireOsLogin organization policy),
#     remove ssh-keys from metadata and grant roles/compute.osLogin or
#     roles/compute.osAdminLogin instead.
package annexa.controls.c8_5.gcp_os_login

import data.annexa.lib.tf

label := {
	"google_compute_instance": "Compute Engine instance",
	"google_compute_instance_template": "instance template",
	"google_compute_project_metadata": "project metadata",
}

deny contains finding if {
	some t, name in label
	some r in tf.resources(t)
	off(object.get(r.attributes, ["metadata", "enable-oslogin"], ""))
	finding := {
		"msg": sprintf("%s turns OS Login off%s", [name, scope[t]]),
		"resource": r.id,
	}
}

deny contains finding if {
	some item in tf.resources("google_compute_project_metadata_item")
	item.attributes.key == "enable-oslogin"
	off(item.attributes.value)
	finding := {
		"msg": "project metadata turns OS Login off for every instance that does not turn it on itself",
		"resource": item.id,
	}
}

scope := {
	"google_compute_instance": "",
	"google_compute_instance_template": " for the instances made from it",
	"google_compute_project_metadata": " for every instance that does not turn it on itself",
}

# off is true for the values the guest environment reads as false.
off(v) if {
	is_string(v)
	lower(trim_space(v)) in {"false", "f", "0"}
}

# judged are the instances, templates and project metadata whose metadata
# is known, and the project metadata items that set OS Login.
judged contains r.id if {
	some t, _ in label
	some r in tf.resources(t)
	is_object(r.attributes.metadata)
}

judged contains item.id if {
	some item in tf.resources("google_compute_project_metadata_item")
	item.attributes.key == "enable-oslogin"
	is_string(item.attributes.value)
}
