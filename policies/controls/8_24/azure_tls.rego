# METADATA
# title: Azure services accept only TLS 1.2 or later
# description: |
#   Azure services that hold or serve data must refuse unencrypted
#   connections and TLS versions older than 1.2. Judged, on known values:
#   storage accounts (min_tls_version; https_traffic_only_enabled in
#   azurerm v4, enable_https_traffic_only in v3, must not be false);
#   SQL servers (minimum_tls_version "1.0", "1.1" or "Disabled"); Linux and
#   Windows web and function apps and their deployment slots, which serve
#   traffic of their own and are judged like their parent apps (https_only
#   must be true; site_config minimum_tls_version and
#   scm_minimum_tls_version no older than 1.2; site_config ftps_state not
#   "AllAllowed", which accepts plain FTP); Redis caches
#   (minimum_tls_version; the non-TLS port, non_ssl_port_enabled in v4 or
#   enable_non_ssl_port in v3, closed); MySQL and PostgreSQL single servers
#   (azurerm v3: ssl_enforcement_enabled must not be false, and
#   ssl_minimal_tls_version_enforced, "TLS1_2" when left out as the
#   provider defaults it, must be neither older than 1.2 nor
#   "TLSEnforcementDisabled"); and PostgreSQL and MySQL flexible server
#   parameters (require_secure_transport not OFF; PostgreSQL
#   ssl_min_protocol_version and MySQL tls_version no older than TLS 1.2).
#   "Older than 1.2" follows the parameter tls_min_version. The v3
#   azurerm_app_service, azurerm_function_app and their slots
#   (site_config.min_tls_version) are judged like the v4 apps. https_only
#   left out is false, the provider's default: a finding. CIS Microsoft
#   Azure Foundations 3.0.0 4.1, 4.15, 5.2.1, 5.3.1, 5.3.2, 9.1 and 9.4.
# custom:
#   controls: ["8.24"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:azurerm_storage_account
#     - resource:azurerm_mssql_server
#     - resource:azurerm_linux_web_app
#     - resource:azurerm_windows_web_app
#     - resource:azurerm_linux_function_app
#     - resource:azurerm_windows_function_app
#     - resource:azurerm_redis_cache
#     - resource:azurerm_postgresql_flexible_server_configuration
#     - resource:azurerm_mysql_flexible_server_configuration
#     - resource:azurerm_app_service
#     - resource:azurerm_function_app
#     - resource:azurerm_linux_web_app_slot
#     - resource:azurerm_windows_web_app_slot
#     - resource:azurerm_linux_function_app_slot
#     - resource:azurerm_windows_function_app_slot
#     - resource:azurerm_app_service_slot
#     - resource:azurerm_function_app_slot
#     - resource:azurerm_mysql_server
#     - resource:azurerm_postgresql_server
#   parameters: ["tls_min_version"]
#   remediation: |
#     Set min_tls_version = "TLS1_2" and keep HTTPS-only traffic on storage
#     accounts; minimum_tls_version = "1.2" on SQL servers, Redis caches and
#     app site_config; https_only = true on web and function apps and their
#     slots; close the Redis non-TLS port; leave require_secure_transport ON.
#     On apps and slots set site_config ftps_state = "FtpsOnly" or
#     "Disabled". On MySQL and PostgreSQL single servers set
#     ssl_enforcement_enabled = true and ssl_minimal_tls_version_enforced =
#     "TLS1_2" (better, migrate to a flexible server).
package annexa.controls.c8_24.azure_tls

import data.annexa.lib.azure
import data.annexa.lib.crypto
import data.annexa.lib.params
import data.annexa.lib.tf
import data.annexa.lib.values

# apps are the web and function apps and their deployment slots: a slot
# serves traffic on its own host name with its own https_only and
# site_config, so it is judged like its parent app.
apps := [
	"azurerm_linux_web_app", "azurerm_windows_web_app",
	"azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_app_service", "azurerm_function_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot",
	"azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot",
	"azurerm_app_service_slot", "azurerm_function_app_slot",
]

# single_servers are the Azure Database for MySQL and PostgreSQL single
# servers (azurerm v3; the service is retired and azurerm v4 dropped them).
single_servers := ["azurerm_mysql_server", "azurerm_postgresql_server"]

site_tls := ["minimum_tls_version", "scm_minimum_tls_version", "min_tls_version"]

# weak_tls: a TLS version older than 1.2 or than the tls_min_version
# parameter.
weak_tls(v) if crypto.weak_tls(v)

weak_tls(v) if azure.below_min_tls(v, params.value("tls_min_version"))

deny contains finding if {
	some r in tf.resources("azurerm_storage_account")
	weak_tls(r.attributes.min_tls_version)
	finding := weak(r, "storage account", "min_tls_version", r.attributes.min_tls_version)
}

deny contains finding if {
	some r in tf.resources("azurerm_storage_account")
	some attr in ["https_traffic_only_enabled", "enable_https_traffic_only"]
	tf.explicitly_false(r, attr)
	finding := {
		"msg": sprintf("storage account %s accepts unencrypted HTTP requests (%s = false)", [tf.display_name(r), attr]),
		"resource": r.id,
		"details": {attr: false},
	}
}

deny contains finding if {
	some r in tf.resources("azurerm_mssql_server")
	v := r.attributes.minimum_tls_version
	weak_or_disabled(v)
	finding := weak(r, "SQL server", "minimum_tls_version", v)
}

deny contains finding if {
	some t in apps
	some r in tf.resources(t)
	azure.setting(r, "https_only", false) == false
	finding := {
		"msg": sprintf("app %s also serves plain HTTP (https_only = false%s)", [tf.display_name(r), left_out(r, "https_only")]),
		"resource": r.id,
		"details": {"https_only": false},
	}
}

deny contains finding if {
	some t in apps
	some r in tf.resources(t)
	some cfg in values.array_or_empty(r.attributes.site_config)
	some attr in site_tls
	weak_tls(cfg[attr])
	finding := weak(r, "app", sprintf("site_config.%s", [attr]), cfg[attr])
}

deny contains finding if {
	some t in apps
	some r in tf.resources(t)
	some cfg in values.array_or_empty(r.attributes.site_config)
	lower(values.string_or_empty(cfg.ftps_state)) == "allallowed"
	finding := {
		"msg": sprintf("app %s accepts unencrypted FTP deployments (site_config.ftps_state = %q)", [tf.display_name(r), cfg.ftps_state]),
		"resource": r.id,
		"details": {"site_config.ftps_state": cfg.ftps_state},
	}
}

deny contains finding if {
	some t in single_servers
	some r in tf.resources(t)
	tf.explicitly_false(r, "ssl_enforcement_enabled")
	finding := {
		"msg": sprintf("database server %s accepts unencrypted connections (ssl_enforcement_enabled = false)", [tf.display_name(r)]),
		"resource": r.id,
		"details": {"ssl_enforcement_enabled": false},
	}
}

deny contains finding if {
	some t in single_servers
	some r in tf.resources(t)
	lower(values.string_or_empty(r.attributes.ssl_enforcement)) == "disabled"
	finding := {
		"msg": sprintf("database server %s accepts unencrypted connections (ssl_enforcement = %q)", [tf.display_name(r), r.attributes.ssl_enforcement]),
		"resource": r.id,
		"details": {"ssl_enforcement": r.attributes.ssl_enforcement},
	}
}

deny contains finding if {
	some t in single_servers
	some r in tf.resources(t)
	v := azure.setting(r, "ssl_minimal_tls_version_enforced", "TLS1_2")
	weak_or_unenforced(v)
	finding := weak(r, "database server", "ssl_minimal_tls_version_enforced", v)
}

deny contains finding if {
	some r in tf.resources("azurerm_redis_cache")
	weak_tls(r.attributes.minimum_tls_version)
	finding := weak(r, "Redis cache", "minimum_tls_version", r.attributes.minimum_tls_version)
}

deny contains finding if {
	some r in tf.resources("azurerm_redis_cache")
	some attr in ["non_ssl_port_enabled", "enable_non_ssl_port"]
	r.attributes[attr] == true
	finding := {
		"msg": sprintf("Redis cache %s accepts unencrypted connections on port 6379 (%s = true)", [tf.display_name(r), attr]),
		"resource": r.id,
		"details": {attr: true},
	}
}

deny contains finding if {
	some t in ["azurerm_postgresql_flexible_server_configuration", "azurerm_mysql_flexible_server_configuration"]
	some r in tf.resources(t)
	lower(values.string_or_empty(r.attributes.name)) == "require_secure_transport"
	lower(values.string_or_empty(r.attributes.value)) in {"off", "0", "false"}
	finding := {
		"msg": sprintf("server parameter require_secure_transport is %s: the database accepts unencrypted connections", [r.attributes.value]),
		"resource": r.id,
		"details": {"parameter": "require_secure_transport", "value": r.attributes.value},
	}
}

deny contains finding if {
	some r in tf.resources("azurerm_postgresql_flexible_server_configuration")
	lower(values.string_or_empty(r.attributes.name)) == "ssl_min_protocol_version"
	weak_tls(r.attributes.value)
	finding := {
		"msg": sprintf("server parameter ssl_min_protocol_version is %s: the database accepts TLS older than 1.2", [r.attributes.value]),
		"resource": r.id,
		"details": {"parameter": "ssl_min_protocol_version", "value": r.attributes.value},
	}
}

deny contains finding if {
	some r in tf.resources("azurerm_mysql_flexible_server_configuration")
	lower(values.string_or_empty(r.attributes.name)) == "tls_version"
	some v in split(values.string_or_empty(r.attributes.value), ",")
	weak_tls(trim_space(v))
	finding := {
		"msg": sprintf("server parameter tls_version is %s: the database accepts TLS older than 1.2", [r.attributes.value]),
		"resource": r.id,
		"details": {"parameter": "tls_version", "value": r.attributes.value},
	}
}

left_out(r, attr) := ", left out: the provider default" if tf.omitted(r, attr)

else := ""

weak_or_disabled(v) if weak_tls(v)

weak_or_disabled("Disabled")

weak_or_unenforced(v) if weak_tls(v)

weak_or_unenforced(v) if lower(values.string_or_empty(v)) == "tlsenforcementdisabled"

weak(r, what, attr, v) := {
	"msg": sprintf("%s %s accepts TLS older than 1.2 (%s = %q)", [what, tf.display_name(r), attr, v]),
	"resource": r.id,
	"details": {attr: v},
}

# judged are the storage accounts, SQL servers, apps and Redis caches with
# a TLS or HTTPS setting it checks known, and the database server
# parameters that set transport security.
judged contains r.id if {
	some r in tf.resources("azurerm_storage_account")
	some attr in ["min_tls_version", "https_traffic_only_enabled", "enable_https_traffic_only"]
	known(r.attributes[attr])
}

judged contains r.id if {
	some r in tf.resources("azurerm_mssql_server")
	is_string(r.attributes.minimum_tls_version)
}

judged contains r.id if {
	some t in apps
	some r in tf.resources(t)
	is_boolean(azure.setting(r, "https_only", false))
}

judged contains r.id if {
	some t in apps
	some r in tf.resources(t)
	some cfg in values.array_or_empty(r.attributes.site_config)
	some attr in site_tls
	is_string(cfg[attr])
}

judged contains r.id if {
	some t in apps
	some r in tf.resources(t)
	some cfg in values.array_or_empty(r.attributes.site_config)
	is_string(cfg.ftps_state)
}

judged contains r.id if {
	some t in single_servers
	some r in tf.resources(t)
	is_boolean(r.attributes.ssl_enforcement_enabled)
}

judged contains r.id if {
	some t in single_servers
	some r in tf.resources(t)
	is_string(r.attributes.ssl_enforcement)
}

judged contains r.id if {
	some t in single_servers
	some r in tf.resources(t)
	is_string(azure.setting(r, "ssl_minimal_tls_version_enforced", "TLS1_2"))
}

judged contains r.id if {
	some r in tf.resources("azurerm_redis_cache")
	some attr in ["minimum_tls_version", "non_ssl_port_enabled", "enable_non_ssl_port"]
	known(r.attributes[attr])
}

judged contains r.id if {
	some t in ["azurerm_postgresql_flexible_server_configuration", "azurerm_mysql_flexible_server_configuration"]
	some r in tf.resources(t)
	lower(values.string_or_empty(r.attributes.name)) in {"require_secure_transport", "ssl_min_protocol_version", "tls_version"}
	is_string(r.attributes.value)
}

known(v) if is_string(v)

known(v) if is_boolean(v)
