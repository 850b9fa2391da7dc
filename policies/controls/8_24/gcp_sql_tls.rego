# METADATA
# title: Cloud SQL instances accept only encrypted connections
# description: |
#   Cloud SQL instances must refuse unencrypted client connections:
#   settings.ip_configuration.ssl_mode must be ENCRYPTED_ONLY or
#   TRUSTED_CLIENT_CERTIFICATE_REQUIRED (or, with the google provider v5,
#   the legacy require_ssl = true). ssl_mode ALLOW_UNENCRYPTED_AND_ENCRYPTED
#   is a finding, and so is an instance that sets neither, because Cloud SQL
#   then allows unencrypted connections. An ssl_mode that refers to another
#   resource is not judged.
# custom:
#   controls: ["8.24"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:google_sql_database_instance"]
#   remediation: |
#     Set settings { ip_configuration { ssl_mode = "ENCRYPTED_ONLY" } } (or
#     TRUSTED_CLIENT_CERTIFICATE_REQUIRED to also require client
#     certificates) and connect through the Cloud SQL connectors or with TLS.
package annexa.controls.c8_24.gcp_sql_tls

import data.annexa.lib.tf

encrypted_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

deny contains finding if {
	some db in tf.resources("google_sql_database_instance")
	ip := ip_configuration(db)
	ip.ssl_mode == "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
	finding := {
		"msg": sprintf("Cloud SQL instance %s accepts unencrypted connections (ssl_mode = ALLOW_UNENCRYPTED_AND_ENCRYPTED)", [tf.display_name(db)]),
		"resource": db.id,
		"details": {"ssl_mode": ip.ssl_mode},
	}
}

deny contains finding if {
	some db in tf.resources("google_sql_database_instance")
	is_array(db.attributes.settings)
	not tf.is_unknown(db, "settings")
	not mode_set(db)
	not require_ssl(db)
	finding := {
		"msg": sprintf("Cloud SQL instance %s accepts unencrypted connections: neither ssl_mode nor require_ssl requires TLS", [tf.display_name(db)]),
		"resource": db.id,
	}
}

# ip_configuration is the instance's one ip_configuration block; a block
# written as a single object (Terraform JSON syntax) counts as a list of one.
ip_configuration(db) := ip if {
	some s in tf.as_list(db.attributes.settings)
	some ip in tf.as_list(s.ip_configuration)
}

require_ssl(db) if ip_configuration(db).require_ssl == true

# mode_set is true when ssl_mode is written: a known value, or a reference
# resolved only at apply.
mode_set(db) if is_string(ip_configuration(db).ssl_mode)

mode_set(db) if count(object.get(db, ["references", "settings.ip_configuration.ssl_mode"], [])) > 0

# judged are the instances whose settings are known.
judged contains db.id if {
	some db in tf.resources("google_sql_database_instance")
	decided(db)
}

decided(db) if is_string(ip_configuration(db).ssl_mode)

decided(db) if is_boolean(ip_configuration(db).require_ssl)

decided(db) if {
	is_array(db.attributes.settings)
	not tf.is_unknown(db, "settings")
}
