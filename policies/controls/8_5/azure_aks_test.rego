package annexa.controls.c8_5.azure_aks_test

import data.annexa.controls.c8_5.azure_aks as check
import data.annexa.lib.testing

entra := [{"azure_rbac_enabled": true, "tenant_id": "5f0b2c8e-3d41-4a77-9c1e-0a6d2b7e4f90", "admin_group_object_ids": ["b4c1e7a2-5e3f-4d8a-8f21-7c9d0e6a1b35"]}]

cluster(attrs) := testing.resource("azurerm_kubernetes_cluster", "main", attrs)

test_pass_entra_only if {
	c := cluster({"local_account_disabled": true, "azure_active_directory_role_based_access_control": entra})
	count(check.deny) == 0 with data.facts as testing.facts([c])
}

test_fail_local_accounts if {
	c := cluster({"local_account_disabled": false, "azure_active_directory_role_based_access_control": entra})
	check.deny == {{
		"msg": "AKS cluster keeps local accounts, a static admin credential outside Entra ID",
		"resource": "azurerm_kubernetes_cluster.main",
	}} with data.facts as testing.facts([c])
}

test_fail_no_entra_and_local_accounts if {
	c := cluster({"local_account_disabled": false, "azure_active_directory_role_based_access_control": []})
	findings := check.deny with data.facts as testing.facts([c])
	{f.msg | some f in findings} == {"AKS cluster is not integrated with Microsoft Entra ID and keeps local accounts, a static admin credential outside Entra ID"}
}

test_pass_unknown_not_judged if {
	c := object.union(cluster({}), {"unknown": ["local_account_disabled", "azure_active_directory_role_based_access_control"]})
	count(check.deny) == 0 with data.facts as testing.facts([c])
}

# local_account_disabled left out: unknown in a plan (or null), the provider's default
left_out_local_account_disabled := object.union(
	testing.resource("azurerm_kubernetes_cluster", "omitted", {"name": "aks", "local_account_disabled": null, "azure_active_directory_role_based_access_control": [{"azure_rbac_enabled": true}]}),
	{"configured": ["azure_active_directory_role_based_access_control", "name"], "unknown": []},
)

test_fail_local_account_disabled_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_local_account_disabled])
	some f in findings
	contains(f.msg, "keeps local accounts")
}

test_pass_local_account_disabled_written_but_unknown if {
	written := object.union(left_out_local_account_disabled, {"configured": ["azure_active_directory_role_based_access_control", "local_account_disabled", "name"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "keeps local accounts")
	}
}

test_pass_local_account_disabled_configuration_unsaid if {
	unsaid := object.remove(left_out_local_account_disabled, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "keeps local accounts")
	}
}

test_pass_judges_known_clusters if {
	c := cluster({"local_account_disabled": true, "azure_active_directory_role_based_access_control": entra})
	check.judged == {"azurerm_kubernetes_cluster.main"} with data.facts as testing.facts([c])
}

test_pass_unknown_cluster_not_judged if {
	c := object.union(cluster({}), {"unknown": ["local_account_disabled", "azure_active_directory_role_based_access_control"]})
	count(check.judged) == 0 with data.facts as testing.facts([c])
}
