package annexa.controls.c8_20.gcp_sql_public_test

import data.annexa.controls.c8_20.gcp_sql_public as check
import data.annexa.lib.testing

instance(ip) := testing.resource("google_sql_database_instance", "main", {
	"name": "pg-orders", "database_version": "POSTGRES_16",
	"settings": [{"tier": "db-custom-2-7680", "ip_configuration": ip}],
})

test_pass_private_only if {
	facts := testing.facts([instance([{"ipv4_enabled": false, "private_network": "projects/p/global/networks/vpc", "authorized_networks": []}])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"google_sql_database_instance.main"} with data.facts as facts
}

test_pass_public_ip_beside_private_network if {
	facts := testing.facts([instance([{"ipv4_enabled": true, "private_network": "projects/p/global/networks/vpc", "authorized_networks": [{"name": "office", "value": "203.0.113.0/24"}]}])])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_open_authorized_network if {
	facts := testing.facts([instance([{"ipv4_enabled": true, "authorized_networks": [{"name": "all", "value": "0.0.0.0/0"}]}])])
	check.deny == {{
		"msg": "Cloud SQL instance pg-orders authorizes connections from the whole internet (0.0.0.0/0)",
		"resource": "google_sql_database_instance.main",
		"details": {"authorized_networks": ["0.0.0.0/0"]},
	}} with data.facts as facts
}

test_fail_public_ip_by_default if {
	facts := testing.facts([instance([{"authorized_networks": []}])])
	some f in check.deny with data.facts as facts
	f.severity == "medium"
	contains(f.msg, "ipv4_enabled is left out")
}

test_fail_block_left_out if {
	db := object.union(
		testing.resource("google_sql_database_instance", "main", {"name": "pg", "settings": [{"tier": "db-f1-micro"}]}),
		{"configured": ["name", "settings"], "unknown": ["settings.0.ip_configuration"]},
	)
	some f in check.deny with data.facts as testing.facts([db])
	contains(f.msg, "ip_configuration is left out")
	check.judged == {"google_sql_database_instance.main"} with data.facts as testing.facts([db])
}

test_pass_unknown_ipv4_not_judged if {
	db := object.union(instance([{"authorized_networks": []}]), {"unknown": ["settings.0.ip_configuration.0.ipv4_enabled"]})
	count(check.deny) == 0 with data.facts as testing.facts([db])
	count(check.judged) == 0 with data.facts as testing.facts([db])
}

test_pass_referenced_private_network if {
	db := testing.with_refs(
		object.union(instance([{"ipv4_enabled": true}]), {"unknown": ["settings.0.ip_configuration.0.private_network"]}),
		{"settings.ip_configuration.private_network": ["google_compute_network.vpc"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([db])
}
