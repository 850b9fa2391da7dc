# METADATA
# title: GCP data access audit logs are on for every service, with no one exempted
# description: |
#   An IAM audit configuration for allServices on a project, folder or
#   organization turns on all three kinds of audit log: ADMIN_READ,
#   DATA_READ and DATA_WRITE (Admin Activity logs are always on). No audit
#   configuration exempts any member from logging, so nobody's reads and
#   writes of data go unrecorded. Audit configurations kept elsewhere (at a
#   level this plan does not manage) are not visible here (CIS GCP 3.0.0
#   2.1).
# custom:
#   controls: ["8.15"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:google_project_iam_audit_config
#     - resource:google_folder_iam_audit_config
#     - resource:google_organization_iam_audit_config
#   remediation: |
#     Give the allServices audit config an audit_log_config block for each of
#     ADMIN_READ, DATA_READ and DATA_WRITE, and remove exempted_members.
package annexa.controls.c8_15.gcp_audit_logs

import data.annexa.lib.tf
import data.annexa.lib.values

types := ["google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config"]

log_types := {"ADMIN_READ", "DATA_READ", "DATA_WRITE"}

deny contains finding if {
	some t in types
	some c in tf.resources(t)
	object.get(c.attributes, "service", "") == "allServices"
	is_array(c.attributes.audit_log_config)
	missing := sort(log_types - {object.get(l, "log_type", "") | some l in c.attributes.audit_log_config})
	count(missing) > 0
	finding := {
		"msg": sprintf("audit config for allServices does not log %s", [concat(", ", missing)]),
		"resource": c.id,
		"details": {"missing_log_types": missing},
	}
}

deny contains finding if {
	some t in types
	some c in tf.resources(t)
	some l in c.attributes.audit_log_config
	exempted := sort([m | some m in values.array_or_empty(object.get(l, "exempted_members", [])); is_string(m)])
	count(exempted) > 0
	finding := {
		"msg": sprintf("audit config for %s exempts %s from %s logging", [tf.attribute_or_id(c, "service"), concat(", ", exempted), object.get(l, "log_type", "some")]),
		"resource": c.id,
		"details": {"exempted_members": exempted},
	}
}

# judged are the audit configs whose log configuration is known.
judged contains c.id if {
	some t in types
	some c in tf.resources(t)
	is_array(c.attributes.audit_log_config)
}
