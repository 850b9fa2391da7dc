# METADATA
# title: Azure storage accounts do not accept connections from every network
# description: |
#   A storage account either has public network access disabled
#   (public_network_access_enabled = false) or its network rules deny by
#   default (network_rules default_action = "Deny", inline or in a separate
#   azurerm_storage_account_network_rules that points at the account), so
#   only the listed networks, private endpoints and trusted services reach
#   it. Left out, public_network_access_enabled defaults to true and Azure
#   applies no network rules (every network is allowed): both omissions
#   count as open. A separate network rules resource with default_action
#   "Allow" is itself a finding. Values only known after apply are not
#   judged. CIS Microsoft Azure Foundations 3.0.0 4.6 and 4.7.
# custom:
#   controls: ["8.20"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:azurerm_storage_account
#     - resource:azurerm_storage_account_network_rules
#   remediation: |
#     Set public_network_access_enabled = false and reach the account through
#     private endpoints, or add network_rules { default_action = "Deny",
#     ip_rules / virtual_network_subnet_ids = [...], bypass = ["AzureServices"] }.
package annexa.controls.c8_20.azure_storage_network

import data.annexa.lib.azure
import data.annexa.lib.tf
import data.annexa.lib.values

deny contains finding if {
	some a in tf.resources("azurerm_storage_account")
	azure.setting(a, "public_network_access_enabled", true) == true
	why := open_rules(a)
	finding := {
		"msg": sprintf("storage account %s accepts connections from every network: public network access is on and %s", [tf.display_name(a), why]),
		"resource": a.id,
	}
}

deny contains finding if {
	some r in tf.resources("azurerm_storage_account_network_rules")
	lower(values.string_or_empty(object.get(r.attributes, "default_action", ""))) == "allow"
	finding := {
		"msg": "storage account network rules allow every network by default (default_action = \"Allow\")",
		"resource": r.id,
	}
}

# open_rules says why the account's own network rules let every network in;
# undefined when they deny by default, when a separate network rules
# resource governs the account, or when they are only known after apply.
open_rules(a) := "its network_rules default_action is Allow" if {
	some nr in values.array_or_empty(object.get(a.attributes, "network_rules", []))
	lower(values.string_or_empty(object.get(nr, "default_action", ""))) == "allow"
} else := "it has no network rules" if {
	not governed(a)
	no_rules(a)
}

# no_rules: network_rules left out (Azure's choice, unknown in a plan, is
# to allow every network) or an empty list.
no_rules(a) if a.attributes.network_rules == []

no_rules(a) if {
	tf.omitted(a, "network_rules")
	not is_array(object.get(a.attributes, "network_rules", null))
}

# governed_accounts are the accounts a separate network rules resource
# points at, collected once.
governed_accounts := tf.pointed_at("azurerm_storage_account_network_rules", "storage_account_id")

governed(a) if {
	some k in tf.identities(a)
	k in governed_accounts
}

# judged are the accounts whose public network access and default network
# action are known (or left to the defaults), and the separate rules with a
# known default action.
judged contains a.id if {
	some a in tf.resources("azurerm_storage_account")
	decided(a)
}

judged contains r.id if {
	some r in tf.resources("azurerm_storage_account_network_rules")
	is_string(object.get(r.attributes, "default_action", null))
}

decided(a) if azure.setting(a, "public_network_access_enabled", true) == false

decided(a) if {
	azure.setting(a, "public_network_access_enabled", true) == true
	some nr in values.array_or_empty(object.get(a.attributes, "network_rules", []))
	is_string(object.get(nr, "default_action", null))
}

decided(a) if {
	azure.setting(a, "public_network_access_enabled", true) == true
	governed(a)
}

decided(a) if {
	azure.setting(a, "public_network_access_enabled", true) == true
	no_rules(a)
}
