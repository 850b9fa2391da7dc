# METADATA
# title: Azure data stores holding classified data use customer-managed keys
# description: |
#   Azure encrypts managed disks, storage accounts and SQL databases at rest
#   with platform-managed keys whatever the configuration. Data classified
#   confidential, restricted or secret (a tag Classification,
#   data_classification or Confidentiality) must in addition be encrypted
#   under a key the organisation controls in Key Vault, so that it can
#   audit, rotate and revoke its use: managed disks and virtual machine OS
#   disks name a disk_encryption_set_id (or secure_vm_disk_encryption_set_id,
#   or encryption_settings); storage accounts have a customer_managed_key
#   block or an azurerm_storage_account_customer_managed_key pointing at
#   them; SQL servers name transparent_data_encryption_key_vault_key_id or
#   have an azurerm_mssql_server_transparent_data_encryption with a key.
#   Resources without a classification tag are not judged.
# custom:
#   controls: ["8.24"]
#   severity: medium
#   coverage: supporting
#   inputs:
#     - resource:azurerm_managed_disk
#     - resource:azurerm_linux_virtual_machine
#     - resource:azurerm_windows_virtual_machine
#     - resource:azurerm_storage_account
#     - resource:azurerm_mssql_server
#   remediation: |
#     Create a Key Vault key (with a rotation policy) and a disk encryption
#     set, storage account customer-managed key or SQL server TDE protector
#     that uses it; or correct the classification tag if the data is not
#     confidential.
package annexa.controls.c8_24.azure_customer_keys

import data.annexa.lib.crypto
import data.annexa.lib.tf

deny contains finding if {
	some r in tf.resources("azurerm_managed_disk")
	crypto.needs_customer_key(r)
	not disk_key(r)
	finding := unprotected(r, "managed disk", "no disk_encryption_set_id")
}

deny contains finding if {
	some t in ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
	some vm in tf.resources(t)
	crypto.needs_customer_key(vm)
	not vm_disk_key(vm)
	finding := unprotected(vm, "virtual machine", "its os_disk has no disk_encryption_set_id")
}

deny contains finding if {
	some r in tf.resources("azurerm_storage_account")
	crypto.needs_customer_key(r)
	not tf.configured(r, "customer_managed_key")
	not linked(r, storage_keys)
	finding := unprotected(r, "storage account", "no customer_managed_key")
}

deny contains finding if {
	some r in tf.resources("azurerm_mssql_server")
	crypto.needs_customer_key(r)
	not tf.configured(r, "transparent_data_encryption_key_vault_key_id")
	not linked(r, tde_protectors)
	finding := unprotected(r, "SQL server", "its TDE protector is the service-managed key")
}

unprotected(r, what, why) := {
	"msg": sprintf("%s %s is classified %s but is encrypted only with a platform-managed key: %s", [what, tf.display_name(r), crypto.classification(r), why]),
	"resource": r.id,
	"details": {"classification": crypto.classification(r)},
}

disk_key(r) if {
	some attr in ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id", "encryption_settings"]
	tf.configured(r, attr)
}

vm_disk_key(vm) if {
	some attr in ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id"]
	some d in vm.attributes.os_disk
	is_string(d[attr])
	d[attr] != ""
}

vm_disk_key(vm) if {
	some attr in ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id"]
	count(object.get(vm, ["references", sprintf("os_disk.%s", [attr])], [])) > 0
}

vm_disk_key(vm) if {
	some attr in ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id"]
	tf.is_unknown(vm, sprintf("os_disk.0.%s", [attr]))
}

# storage_keys are the storage accounts that a separate customer-managed key
# resource points at.
storage_keys := tf.pointed_at("azurerm_storage_account_customer_managed_key", "storage_account_id")

# tde_protectors are the SQL servers whose TDE resource names a Key Vault or
# Managed HSM key.
tde_protectors contains p if {
	some tde in tf.resources("azurerm_mssql_server_transparent_data_encryption")
	some attr in ["key_vault_key_id", "managed_hsm_key_id"]
	tf.configured(tde, attr)
	some p in tf.pointers(tde, "server_id")
}

linked(r, keys) if {
	some k in tf.identities(r)
	k in keys
}

# judged are the disks, virtual machines, storage accounts and SQL
# servers classified so that they need a customer-managed key.
judged contains r.id if {
	some t in ["azurerm_managed_disk", "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_storage_account", "azurerm_mssql_server"]
	some r in tf.resources(t)
	crypto.needs_customer_key(r)
}
