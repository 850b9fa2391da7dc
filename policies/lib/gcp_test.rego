package annexa.lib.gcp_test

import data.annexa.lib.gcp

test_public_members if {
	gcp.is_public("allUsers")
	gcp.is_public("allauthenticatedusers")
	not gcp.is_public("user:alice@example.com")
	not gcp.is_public(null)
}

test_block_bool if {
	r := {"unknown": ["settings.0.backup_configuration.0.enabled"]}
	gcp.block_bool(r, "settings.0.backup_configuration.0", {}, "enabled", true, false) == true
	gcp.block_bool(r, "settings.0.backup_configuration.0", {"enabled": false}, "enabled", true, true) == false
	gcp.block_bool({}, "x.0", {}, "enabled", true, false) == false
	gcp.block_bool({}, "x.0", {"enabled": null}, "enabled", true, false) == false
}
