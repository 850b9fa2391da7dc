package annexa.controls.c8_24.azure_tls_test

import data.annexa.controls.c8_24.azure_tls as check
import data.annexa.lib.testing

storage(attrs) := testing.resource("azurerm_storage_account", "data", object.union({"name": "acmedata"}, attrs))

test_pass_storage_v4_defaults if {
	facts := testing.facts([storage({"min_tls_version": "TLS1_2", "https_traffic_only_enabled": true})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_storage_tls1_0 if {
	facts := testing.facts([storage({"min_tls_version": "TLS1_0", "https_traffic_only_enabled": true})])
	check.deny == {{
		"msg": "storage account acmedata accepts TLS older than 1.2 (min_tls_version = \"TLS1_0\")",
		"resource": "azurerm_storage_account.data",
		"details": {"min_tls_version": "TLS1_0"},
	}} with data.facts as facts
}

test_fail_storage_http_allowed_v3_name if {
	facts := testing.facts([storage({"min_tls_version": "TLS1_2", "enable_https_traffic_only": false})])
	some f in check.deny with data.facts as facts
	f.details == {"enable_https_traffic_only": false}
}

test_pass_storage_unknown_not_judged if {
	count(check.deny) == 0 with data.facts as testing.facts([storage({})])
}

test_fail_sql_server_tls_disabled if {
	r := testing.resource("azurerm_mssql_server", "main", {"name": "sql-acme", "minimum_tls_version": "Disabled"})
	count(check.deny) == 1 with data.facts as testing.facts([r])
}

test_pass_sql_server_tls12 if {
	r := testing.resource("azurerm_mssql_server", "main", {"name": "sql-acme", "minimum_tls_version": "1.2"})
	count(check.deny) == 0 with data.facts as testing.facts([r])
}

test_fail_web_app_http_and_old_scm_tls if {
	r := testing.resource("azurerm_linux_web_app", "api", {
		"name": "app-acme-api", "https_only": false,
		"site_config": [{"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.0"}],
	})
	findings := check.deny with data.facts as testing.facts([r])
	{f.details | some f in findings} == {{"https_only": false}, {"site_config.scm_minimum_tls_version": "1.0"}}
}

test_pass_function_app_https_only if {
	r := testing.resource("azurerm_windows_function_app", "jobs", {
		"name": "func-acme", "https_only": true,
		"site_config": [{"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.2"}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([r])
}

test_fail_redis_non_ssl_port if {
	r := testing.resource("azurerm_redis_cache", "cache", {"name": "redis-acme", "minimum_tls_version": "1.2", "non_ssl_port_enabled": true})
	some f in check.deny with data.facts as testing.facts([r])
	f.details == {"non_ssl_port_enabled": true}
}

test_pass_redis_v3_closed if {
	r := testing.resource("azurerm_redis_cache", "cache", {"name": "redis-acme", "minimum_tls_version": "1.2", "enable_non_ssl_port": false})
	count(check.deny) == 0 with data.facts as testing.facts([r])
}

test_fail_postgres_secure_transport_off if {
	r := testing.resource("azurerm_postgresql_flexible_server_configuration", "tls", {"name": "require_secure_transport", "value": "OFF"})
	some f in check.deny with data.facts as testing.facts([r])
	f.details == {"parameter": "require_secure_transport", "value": "OFF"}
}

test_fail_postgres_old_tls_parameter if {
	r := testing.resource("azurerm_postgresql_flexible_server_configuration", "tls", {"name": "ssl_min_protocol_version", "value": "TLSv1.1"})
	count(check.deny) == 1 with data.facts as testing.facts([r])
}

test_pass_other_server_parameters if {
	facts := testing.facts([
		testing.resource("azurerm_mysql_flexible_server_configuration", "tls", {"name": "require_secure_transport", "value": "ON"}),
		testing.resource("azurerm_postgresql_flexible_server_configuration", "log", {"name": "log_connections", "value": "off"}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_judges_known_settings if {
	facts := testing.facts([
		storage({"min_tls_version": "TLS1_2"}),
		testing.resource("azurerm_postgresql_flexible_server_configuration", "tz", {"name": "timezone", "value": "UTC"}),
	])
	check.judged == {"azurerm_storage_account.data"} with data.facts as facts
}

test_pass_unknown_settings_judge_nothing if {
	s := object.union(storage({}), {"unknown": ["min_tls_version", "https_traffic_only_enabled"]})
	count(check.judged) == 0 with data.facts as testing.facts([s])
}

test_fail_mysql_single_server_ssl_off if {
	r := testing.resource("azurerm_mysql_server", "db", {
		"name": "mysql-acme", "ssl_enforcement_enabled": false,
		"ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled",
	})
	findings := check.deny with data.facts as testing.facts([r])
	{f.details | some f in findings} == {
		{"ssl_enforcement_enabled": false},
		{"ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"},
	}
	check.judged == {"azurerm_mysql_server.db"} with data.facts as testing.facts([r])
}

test_fail_postgresql_single_server_tls1_1 if {
	r := testing.resource("azurerm_postgresql_server", "db", {
		"name": "psql-acme", "ssl_enforcement_enabled": true,
		"ssl_minimal_tls_version_enforced": "TLS1_1",
	})
	check.deny == {{
		"msg": "database server psql-acme accepts TLS older than 1.2 (ssl_minimal_tls_version_enforced = \"TLS1_1\")",
		"resource": "azurerm_postgresql_server.db",
		"details": {"ssl_minimal_tls_version_enforced": "TLS1_1"},
	}} with data.facts as testing.facts([r])
}

test_pass_postgresql_single_server_tls_left_out if {
	r := object.union(
		testing.resource("azurerm_postgresql_server", "db", {"name": "psql-acme", "ssl_enforcement_enabled": true}),
		{"configured": ["name", "ssl_enforcement_enabled"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([r])
	check.judged == {"azurerm_postgresql_server.db"} with data.facts as testing.facts([r])
}

test_pass_single_server_unknown_not_judged if {
	r := object.union(
		testing.resource("azurerm_mysql_server", "db", {"name": "mysql-acme"}),
		{"configured": ["name", "ssl_enforcement_enabled", "ssl_minimal_tls_version_enforced"], "unknown": ["ssl_enforcement_enabled", "ssl_minimal_tls_version_enforced"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([r])
	count(check.judged) == 0 with data.facts as testing.facts([r])
}

test_fail_function_app_slot_https_only_left_out if {
	r := object.union(
		testing.resource("azurerm_linux_function_app_slot", "staging", {
			"name": "staging",
			"site_config": [{"minimum_tls_version": "1.2"}],
		}),
		{"configured": ["name", "function_app_id", "site_config"]},
	)
	findings := check.deny with data.facts as testing.facts([r])
	{f.details | some f in findings} == {{"https_only": false}}
	check.judged == {"azurerm_linux_function_app_slot.staging"} with data.facts as testing.facts([r])
}

test_fail_web_app_slot_old_tls_and_ftp if {
	r := testing.resource("azurerm_windows_web_app_slot", "staging", {
		"name": "staging", "https_only": true,
		"site_config": [{"minimum_tls_version": "1.1", "ftps_state": "AllAllowed"}],
	})
	findings := check.deny with data.facts as testing.facts([r])
	{f.details | some f in findings} == {{"site_config.minimum_tls_version": "1.1"}, {"site_config.ftps_state": "AllAllowed"}}
}

test_pass_function_app_slot_https_ftps_only if {
	r := testing.resource("azurerm_windows_function_app_slot", "staging", {
		"name": "staging", "https_only": true,
		"site_config": [{"minimum_tls_version": "1.2", "ftps_state": "FtpsOnly"}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([r])
	check.judged == {"azurerm_windows_function_app_slot.staging"} with data.facts as testing.facts([r])
}
