# METADATA
# title: Compute Engine keeps OS Login on
# description: |
#   SSH access to Compute Engine instances goes through OS Login, which ties
#   every sign-in to a Google identity, its IAM roles and its 2-step
#   verification. Setting the enable-oslogin metadata key to FALSE (or F, or
#   0) on an instance, an instance template or the whole project turns it
#   off, and instances fall back to SSH keys kept in metadata, which nobody
#   revokes when a person leaves. OS Login is off unless something turns it
#   on, so an instance or instance template whose metadata leaves
#   enable-oslogin out (or has no metadata) is a finding too, unless the
#   input turns OS Login on for the project, in
#   google_compute_project_metadata or a
#   google_compute_project_metadata_item (enable-oslogin "TRUE",
#   case-insensitive, or T, 1, Y, YES), or enforces the
#   compute.requireOsLogin organization policy
#   (google_project_organization_policy, google_folder_organization_policy,
#   google_organization_policy or google_org_policy_policy). A
#   google_compute_project_metadata that leaves enable-oslogin out is a
#   finding under the same exceptions: it owns all of the project's
#   metadata, so the key is removed and OS Login is off. Project metadata
#   counts for instances of the same project, and for all when either
#   project is left to the provider or unknown. Project settings made
#   outside the input are not seen: such instances are reported. Metadata,
#   or a project setting, known only after apply is not judged.
# custom:
#   controls: ["8.5"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:google_compute_instance
#     - resource:google_compute_instance_template
#     - resource:google_compute_project_metadata
#     - resource:google_compute_project_metadata_item
#     - resource:google_project_organization_policy
#     - resource:google_folder_organization_policy
#     - resource:google_organization_policy
#     - resource:google_org_policy_policy
#   remediation: |
#     Remove enable-oslogin = "FALSE" and set it to "TRUE" in project metadata
#     (google_compute_project_metadata_item) or on each instance and
#     template, or enforce the constraints/compute.requireOsLogin
#     organization policy; remove ssh-keys from metadata and grant
#     roles/compute.osLogin or roles/compute.osAdminLogin instead.
package annexa.controls.c8_5.gcp_os_login

import data.annexa.lib.tf
import data.annexa.lib.values

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

# google_compute_project_metadata owns all of a project's metadata: a key
# it leaves out is removed from the project. Leaving enable-oslogin out
# there turns OS Login off for the project, unless something else in the
# input turns it on.
deny contains finding if {
	some r in tf.resources("google_compute_project_metadata")
	is_object(r.attributes.metadata)
	not "enable-oslogin" in object.keys(r.attributes.metadata)
	not required_by_org_policy
	not project_of(r) in projects_on
	finding := {
		"msg": "project metadata leaves enable-oslogin out, and as it replaces all project metadata OS Login is off for every instance that does not turn it on itself",
		"resource": r.id,
	}
}

# An instance or template that leaves enable-oslogin out gets the
# project's setting, and OS Login is off when nothing turns it on.
deny contains finding if {
	some t in ["google_compute_instance", "google_compute_instance_template"]
	some r in tf.resources(t)
	md := metadata(r)
	not "enable-oslogin" in object.keys(md)
	not project_decides_unknown
	not required_by_org_policy
	not project_turns_on(r)
	finding := {
		"msg": sprintf("%s %s leaves enable-oslogin out and nothing in the input turns OS Login on for its project, so OS Login is off", [label[t], tf.display_name(r)]),
		"resource": r.id,
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

# metadata is the resource's known metadata map; left out (null or absent,
# and not unknown or a reference) it is empty. Undefined when only known
# after apply.
metadata(r) := r.attributes.metadata if {
	is_object(r.attributes.metadata)
} else := {} if {
	is_null(object.get(r.attributes, "metadata", null))
	not tf.is_unknown(r, "metadata")
	not tf.referenced(r, "metadata")
}

# on is true for the values the guest environment reads as true.
on(v) if {
	is_string(v)
	lower(trim_space(v)) in {"true", "t", "1", "y", "yes"}
}

# project_of is the project a resource names, "" when it leaves it to the
# provider or it is only known after apply (any project, then).
project_of(r) := r.attributes.project if {
	is_string(r.attributes.project)
} else := ""

# projects_on are the projects whose metadata turns OS Login on.
projects_on contains project_of(r) if {
	some r in tf.resources("google_compute_project_metadata")
	on(object.get(r.attributes, ["metadata", "enable-oslogin"], ""))
}

projects_on contains project_of(r) if {
	some r in tf.resources("google_compute_project_metadata_item")
	r.attributes.key == "enable-oslogin"
	on(r.attributes.value)
}

project_turns_on(_) if "" in projects_on

project_turns_on(r) if {
	count(projects_on) > 0
	project_of(r) == ""
}

project_turns_on(r) if project_of(r) in projects_on

# project_decides_unknown: a project setting of OS Login known only after
# apply, so an instance that leaves it out cannot be judged.
project_decides_unknown if {
	some r in tf.resources("google_compute_project_metadata")
	tf.is_unknown(r, "metadata")
}

project_decides_unknown if {
	some r in tf.resources("google_compute_project_metadata")
	tf.is_unknown(r, "metadata.enable-oslogin")
}

project_decides_unknown if {
	some r in tf.resources("google_compute_project_metadata_item")
	r.attributes.key == "enable-oslogin"
	not is_string(object.get(r.attributes, "value", null))
}

# required_by_org_policy: the input enforces constraints/compute.requireOsLogin.
required_by_org_policy if {
	some t in ["google_project_organization_policy", "google_folder_organization_policy", "google_organization_policy"]
	some p in tf.resources(t)
	endswith(values.string_or_empty(p.attributes.constraint), "compute.requireOsLogin")
	some b in values.array_or_empty(p.attributes.boolean_policy)
	b.enforced == true
}

required_by_org_policy if {
	some p in tf.resources("google_org_policy_policy")
	endswith(values.string_or_empty(p.attributes.name), "compute.requireOsLogin")
	some spec in values.array_or_empty(p.attributes.spec)
	some rule in values.array_or_empty(spec.rules)
	lower(sprintf("%v", [rule.enforce])) == "true"
}

# judged are the instances, templates and project metadata whose metadata
# is known, the instances and templates whose metadata is left out (when
# no project setting is unknown), and the project metadata items that set
# OS Login.
judged contains r.id if {
	some t, _ in label
	some r in tf.resources(t)
	is_object(r.attributes.metadata)
}

judged contains r.id if {
	some t in ["google_compute_instance", "google_compute_instance_template"]
	some r in tf.resources(t)
	metadata(r)
	not project_decides_unknown
}

judged contains item.id if {
	some item in tf.resources("google_compute_project_metadata_item")
	item.attributes.key == "enable-oslogin"
	is_string(item.attributes.value)
}
