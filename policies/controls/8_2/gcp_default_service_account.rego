# METADATA
# title: Compute Engine instances do not run as the default service account
# description: |
#   A Compute Engine instance or instance template (or an instance made from
#   a template, google_compute_instance_from_template, that writes its own
#   service_account block) that runs with a service account uses one made
#   for its workload, not the Compute Engine default service account
#   (PROJECT_NUMBER-compute@developer.gserviceaccount.com), which holds the
#   Editor role on the project unless someone removed it (CIS GCP 3.0.0
#   4.1); with the cloud-platform scope the default account reaches every
#   Cloud API (CIS GCP 3.0.0 4.2), a finding of high severity. A
#   service_account block whose email is left out (the provider computes it,
#   and Compute Engine picks the default account), names the default
#   account, or refers to data.google_compute_default_service_account, uses
#   the default account; so does an email unknown until apply that refers to
#   nothing, which is how a plan shows the left-out email. An instance
#   without a service_account block runs with no account and passes, and so
#   does an email that refers to another resource (a
#   google_service_account).
# custom:
#   controls: ["8.2"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:google_compute_instance
#     - resource:google_compute_instance_template
#     - resource:google_compute_region_instance_template
#     - resource:google_compute_instance_from_template
#   remediation: |
#     Create a google_service_account for the workload, grant it only the
#     roles it needs, and name it in service_account { email = ...,
#     scopes = ["cloud-platform"] }; remove the Editor role from the
#     default service account (constraints/iam.automaticIamGrantsForDefaultServiceAccounts).
package annexa.controls.c8_2.gcp_default_service_account

import data.annexa.lib.tf
import data.annexa.lib.values

types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

# candidates are the instances and templates judged on their own
# service_account blocks: an instance made from a template
# (google_compute_instance_from_template) only when it writes one, since
# otherwise it takes the template's.
candidates := array.concat(
	[r | some t in types; some r in tf.resources(t)],
	[r | some r in tf.resources("google_compute_instance_from_template"); tf.written(r, "service_account")],
)

full_scopes := {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

deny contains finding if {
	some r in candidates
	some n, sa in accounts(r)
	default_account(r, n, sa)
	full := full_access(sa)
	finding := object.union(
		{
			"msg": sprintf("%s runs as the Compute Engine default service account%s", [tf.display_name(r), suffix(full)]),
			"resource": r.id,
			"details": {"email": email_shown(sa), "full_api_access": full},
		},
		{"severity": "high" | full},
	)
}

accounts(r) := values.array_or_empty(object.get(r.attributes, "service_account", []))

# default_account is true when the n-th service_account block of r names
# the default account or leaves its email out.
default_account(_, _, sa) if endswith(values.string_or_empty(object.get(sa, "email", "")), "-compute@developer.gserviceaccount.com")

default_account(r, _, _) if {
	some p in object.get(r, ["references", "service_account.email"], [])
	startswith(p, "data.google_compute_default_service_account.")
}

default_account(r, _, sa) if {
	values.string_or_empty(object.get(sa, "email", "")) == ""
	not tf.referenced(r, "service_account.email")
}

full_access(sa) if {
	some s in values.array_or_empty(object.get(sa, "scopes", []))
	s in full_scopes
}

default full_access(_) := false

suffix(true) := " with full access to all Cloud APIs (cloud-platform scope)"

suffix(false) := ""

email_shown(sa) := sa.email if {
	is_string(sa.email)
	sa.email != ""
} else := "(left out: the default service account)"

# judged are the instances and templates whose service accounts are known:
# none, or each one's email known, referenced or left out.
judged contains r.id if {
	some r in candidates
	is_array(object.get(r.attributes, "service_account", null))
	not tf.is_unknown(r, "service_account")
}

judged contains r.id if {
	some t in types
	some r in tf.resources(t)
	not is_array(object.get(r.attributes, "service_account", null))
	tf.omitted(r, "service_account")
}
