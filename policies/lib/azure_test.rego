package annexa.lib.azure_test

import data.annexa.lib.azure
import data.annexa.lib.testing

test_is_internet if {
	every s in ["*", "Internet", "any", "0.0.0.0/0", " 0.0.0.0/0 ", "::/0", "0::/0", "0:0:0:0:0:0:0:0/0", "10.0.0.0/0"] {
		azure.is_internet(s)
	}
	every s in ["10.0.0.0/8", "VirtualNetwork", "AzureLoadBalancer", "203.0.113.0/24", "::1/128", "/1", "/0", "0.0.0.0", "0.0.1.0", "", 0, null] {
		not azure.is_internet(s)
	}
}

test_tls_number if {
	azure.tls_number("TLS1_2") == 1.2
	azure.tls_number("1.0") == 1
	azure.tls_number("TLSv1.3") == 1.3
	not azure.tls_number("Disabled")
	azure.below_min_tls("TLS1_1", "1.2")
	not azure.below_min_tls("1.2", "1.2")
	azure.below_min_tls("1.2", "1.3")
}

test_setting_default_when_omitted if {
	r := object.union(testing.resource("azurerm_storage_account", "a", {}), {"configured": ["name"]})
	azure.setting(r, "public_network_access_enabled", true) == true
	azure.setting_any(r, ["a", "b"], 7) == 7
}

test_setting_written if {
	r := object.union(testing.resource("azurerm_storage_account", "a", {"b": false}), {"configured": ["b"]})
	azure.setting(r, "b", true) == false
	azure.setting_any(r, ["a", "b"], true) == false
}

test_setting_unknown_undefined if {
	r := object.union(testing.resource("azurerm_storage_account", "a", {}), {"configured": [], "unknown": ["b"]})
	not azure.setting(r, "b", true)
}

test_setting_no_configured_list_undefined if {
	r := testing.resource("azurerm_storage_account", "a", {})
	not azure.setting(r, "b", true)
}

test_setting_any_first_spelling_wins if {
	r := object.union(testing.resource("azurerm_storage_account", "a", {"a": true, "b": false}), {"configured": ["a", "b"]})
	azure.setting_any(r, ["a", "b"], false) == true
	azure.setting_any(r, ["b", "a"], true) == false
}
