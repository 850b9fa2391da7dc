# METADATA
# title: AKS clusters sign people in through Microsoft Entra ID only
# description: |
#   An AKS cluster authenticates people through Microsoft Entra ID (the
#   azure_active_directory_role_based_access_control block), where MFA and
#   conditional access apply, and has its local accounts disabled
#   (local_account_disabled = true). A local account is a static
#   cluster-admin credential, handed out by az aks get-credentials --admin,
#   that bypasses both and cannot be revoked per person.
# custom:
#   controls: ["8.5"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:azurerm_kubernetes_cluster"]
#   remediation: |
#     Add an azure_active_directory_role_based_access_control block
#     (azure_rbac_enabled = true, tenant_id, admin_group_object_ids) and set
#     local_account_disabled = true; use kubelogin for kubectl access.
package annexa.controls.c8_5.azure_aks

import data.annexa.lib.tf

deny contains finding if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	problems := [msg |
		some check, msg in checks
		failing(c, check)
	]
	count(problems) > 0
	finding := {
		"msg": sprintf("AKS cluster %s", [concat(" and ", sort(problems))]),
		"resource": c.id,
	}
}

checks := {
	"local_accounts": "keeps local accounts, a static admin credential outside Entra ID",
	"no_entra": "is not integrated with Microsoft Entra ID",
}

failing(c, "local_accounts") if tf.explicitly_false(c, "local_account_disabled")

# Left out (null in a plan), local accounts stay on: AKS's default.
failing(c, "local_accounts") if {
	tf.omitted(c, "local_account_disabled")
	object.get(c.attributes, "local_account_disabled", null) == null
	not tf.is_unknown(c, "local_account_disabled")
}

failing(c, "no_entra") if c.attributes.azure_active_directory_role_based_access_control == []

# judged are the clusters whose local accounts or Entra ID integration are
# known (or left to AKS's default).
judged contains c.id if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	decided(c)
}

decided(c) if is_boolean(c.attributes.local_account_disabled)

decided(c) if failing(c, "local_accounts")

decided(c) if is_array(c.attributes.azure_active_directory_role_based_access_control)
