package annexa.controls.c8_24.gcp_sql_tls_test

import data.annexa.controls.c8_24.gcp_sql_tls as check
import data.annexa.lib.testing

instance(ip) := testing.resource("google_sql_database_instance", "main", {
	"name": "pg-payments", "database_version": "POSTGRES_16",
	"settings": [{"tier": "db-custom-2-7680", "ip_configuration": ip}],
})

test_pass_encrypted_only if {
	facts := testing.facts([instance([{"ipv4_enabled": false, "ssl_mode": "ENCRYPTED_ONLY"}])])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_client_certificates if {
	facts := testing.facts([instance([{"ipv4_enabled": true, "ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}])])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_legacy_require_ssl if {
	db := object.union(instance([{"ipv4_enabled": true, "require_ssl": true}]), {"unknown": ["settings.0.ip_configuration.0.ssl_mode"]})
	count(check.deny) == 0 with data.facts as testing.facts([db])
}

test_fail_allow_unencrypted if {
	facts := testing.facts([instance([{"ipv4_enabled": true, "ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"}])])
	check.deny == {{
		"msg": "Cloud SQL instance pg-payments accepts unencrypted connections (ssl_mode = ALLOW_UNENCRYPTED_AND_ENCRYPTED)",
		"resource": "google_sql_database_instance.main",
		"details": {"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"},
	}} with data.facts as facts
}

test_fail_nothing_set if {
	db := object.union(instance([{"ipv4_enabled": true, "require_ssl": null}]), {"unknown": ["settings.0.ip_configuration.0.ssl_mode"]})
	count(check.deny) == 1 with data.facts as testing.facts([db])
}

test_fail_no_ip_configuration_block if {
	count(check.deny) == 1 with data.facts as testing.facts([instance([])])
}

test_pass_settings_unknown if {
	db := object.union(testing.resource("google_sql_database_instance", "main", {"name": "pg"}), {"unknown": ["settings"]})
	count(check.deny) == 0 with data.facts as testing.facts([db])
}

test_pass_block_written_as_an_object if {
	count(check.deny) == 0 with data.facts as testing.facts([instance({"ssl_mode": "ENCRYPTED_ONLY"})])
}

test_fail_block_written_as_an_object if {
	count(check.deny) == 1 with data.facts as testing.facts([instance({"ipv4_enabled": true})])
}

test_pass_judges_known_settings if {
	check.judged == {"google_sql_database_instance.main"} with data.facts as testing.facts([instance([{"ssl_mode": "ENCRYPTED_ONLY"}])])
	db := object.union(testing.resource("google_sql_database_instance", "main", {"name": "pg"}), {"unknown": ["settings"]})
	count(check.judged) == 0 with data.facts as testing.facts([db])
}

test_fail_unspecified_mode if {
	facts := testing.facts([instance([{"ipv4_enabled": true, "ssl_mode": "SSL_MODE_UNSPECIFIED"}])])
	some f in check.deny with data.facts as facts
	f.details.ssl_mode == "SSL_MODE_UNSPECIFIED"
}

test_pass_unspecified_mode_with_require_ssl if {
	facts := testing.facts([instance([{"ssl_mode": "SSL_MODE_UNSPECIFIED", "require_ssl": true}])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"google_sql_database_instance.main"} with data.facts as facts
}

test_fail_allow_unencrypted_wins_over_require_ssl if {
	facts := testing.facts([instance([{"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "require_ssl": true}])])
	count(check.deny) == 1 with data.facts as facts
}

test_pass_referenced_mode_not_judged if {
	db := object.union(
		instance([{"ipv4_enabled": false}]),
		{"unknown": ["settings.0.ip_configuration.0.ssl_mode"], "references": {"settings.ip_configuration.ssl_mode": ["terraform_data.mode"]}},
	)
	count(check.deny) == 0 with data.facts as testing.facts([db])
	count(check.judged) == 0 with data.facts as testing.facts([db])
}

test_fail_ip_configuration_omitted if {
	db := object.union(
		testing.resource("google_sql_database_instance", "main", {"name": "pg", "settings": [{"tier": "db-f1-micro"}]}),
		{"unknown": ["settings.0.ip_configuration"]},
	)
	some f in check.deny with data.facts as testing.facts([db])
	contains(f.msg, "no ip_configuration block")
}
