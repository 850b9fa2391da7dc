# METADATA
# title: Cloud SQL instances accept only encrypted connections
# description: |
#   Cloud SQL instances must refuse unencrypted client connections (CIS
#   GCP 3.0.0 6.4). settings.ip_configuration.ssl_mode decides: the
#   encrypted modes are ENCRYPTED_ONLY and
#   TRUSTED_CLIENT_CERTIFICATE_REQUIRED; ALLOW_UNENCRYPTED_AND_ENCRYPTED is
#   a finding. When ssl_mode is left out (the provider computes it, and
#   Cloud SQL then allows unencrypted connections), is
#   SSL_MODE_UNSPECIFIED, or is some other value, the legacy require_ssl =
#   true (google provider v5 and earlier) counts as encrypted; anything else
#   is a finding. An instance without an ip_configuration block gets Cloud
#   SQL's default and is a finding. An ssl_mode that refers to another
#   resource, and an instance whose settings are unknown, are not judged.
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
	decided(db)
	not encrypted(db)
	finding := {
		"msg": sprintf("Cloud SQL instance %s accepts unencrypted connections (%s)", [tf.display_name(db), why(db)]),
		"resource": db.id,
		"details": {"ssl_mode": mode(db)},
	}
}

# ip_configuration is the instance's one ip_configuration block; a block
# written as a single object (Terraform JSON syntax) counts as a list of one.
ip_configuration(db) := ip if {
	some s in tf.as_list(db.attributes.settings)
	some ip in tf.as_list(object.get(s, "ip_configuration", []))
}

# mode is the known ssl_mode, or "" when it is absent, null or unknown.
mode(db) := m if {
	m := ip_configuration(db).ssl_mode
	is_string(m)
} else := ""

encrypted(db) if mode(db) in encrypted_modes

encrypted(db) if {
	mode(db) != "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
	ip_configuration(db).require_ssl == true
}

why(db) := "ssl_mode = ALLOW_UNENCRYPTED_AND_ENCRYPTED" if {
	mode(db) == "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
} else := sprintf("ssl_mode = %s and require_ssl is not true", [mode(db)]) if {
	mode(db) != ""
} else := "no ip_configuration block, so Cloud SQL's default applies" if {
	not ip_configuration(db)
} else := "neither ssl_mode nor require_ssl requires TLS"

# referenced_mode is true when ssl_mode refers to another resource: its
# value is decided at apply.
referenced_mode(db) if tf.referenced(db, "settings.ip_configuration.ssl_mode")

# decided is true when the instance's settings are known and ssl_mode is
# not a reference resolved only at apply (a require_ssl = true still
# decides it).
decided(db) if {
	is_array(db.attributes.settings)
	not tf.is_unknown(db, "settings")
	not referenced_mode(db)
}

decided(db) if encrypted(db)

decided(db) if mode(db) == "ALLOW_UNENCRYPTED_AND_ENCRYPTED"

# judged are the instances whose TLS requirement is decided.
judged contains db.id if {
	some db in tf.resources("google_sql_database_instance")
	decided(db)
}
