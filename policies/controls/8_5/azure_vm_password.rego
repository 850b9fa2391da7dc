# METADATA
# title: Azure Linux virtual machines accept SSH keys, not passwords
# description: |
#   Linux virtual machines and scale sets have password authentication
#   disabled (disable_password_authentication = true, the provider's
#   default), so nobody signs in with a guessable, shareable password. For
#   the legacy azurerm_virtual_machine the setting sits in
#   os_profile_linux_config.
# custom:
#   controls: ["8.5"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:azurerm_linux_virtual_machine
#     - resource:azurerm_linux_virtual_machine_scale_set
#     - resource:azurerm_virtual_machine
#   remediation: |
#     Set disable_password_authentication = true, remove admin_password and
#     give admin_ssh_key blocks instead; better, sign in through Microsoft
#     Entra ID (the AADSSHLoginForLinux extension) or Azure Bastion.
package annexa.controls.c8_5.azure_vm_password

import data.annexa.lib.tf

label := {
	"azurerm_linux_virtual_machine": "Linux virtual machine",
	"azurerm_linux_virtual_machine_scale_set": "Linux virtual machine scale set",
}

deny contains finding if {
	some t, name in label
	some vm in tf.resources(t)
	tf.explicitly_false(vm, "disable_password_authentication")
	finding := {"msg": sprintf("%s allows password sign-in over SSH", [name]), "resource": vm.id}
}

deny contains finding if {
	some vm in tf.resources("azurerm_virtual_machine")
	some cfg in object.get(vm.attributes, "os_profile_linux_config", [])
	cfg.disable_password_authentication == false
	finding := {"msg": "virtual machine allows password sign-in over SSH", "resource": vm.id}
}

# judged are the Linux virtual machines and scale sets whose password
# setting is known, and the legacy virtual machines with a known Linux
# profile setting (Windows ones have none).
judged contains vm.id if {
	some t, _ in label
	some vm in tf.resources(t)
	is_boolean(vm.attributes.disable_password_authentication)
}

judged contains vm.id if {
	some vm in tf.resources("azurerm_virtual_machine")
	some cfg in object.get(vm.attributes, "os_profile_linux_config", [])
	is_boolean(cfg.disable_password_authentication)
}
