package annexa.controls.c8_5.azure_vm_password_test

import data.annexa.controls.c8_5.azure_vm_password as check
import data.annexa.lib.testing

test_pass_keys_only if {
	vm := testing.resource("azurerm_linux_virtual_machine", "app", {"disable_password_authentication": true})
	ss := testing.resource("azurerm_linux_virtual_machine_scale_set", "workers", {"disable_password_authentication": true})
	old := testing.resource("azurerm_virtual_machine", "old", {"os_profile_linux_config": [{"disable_password_authentication": true}]})
	count(check.deny) == 0 with data.facts as testing.facts([vm, ss, old])
}

test_fail_password_allowed if {
	vm := testing.resource("azurerm_linux_virtual_machine", "bastion", {"disable_password_authentication": false})
	check.deny == {{
		"msg": "Linux virtual machine allows password sign-in over SSH",
		"resource": "azurerm_linux_virtual_machine.bastion",
	}} with data.facts as testing.facts([vm])
}

test_fail_scale_set_and_legacy_vm if {
	ss := testing.resource("azurerm_linux_virtual_machine_scale_set", "workers", {"disable_password_authentication": false})
	old := testing.resource("azurerm_virtual_machine", "old", {"os_profile_linux_config": [{"disable_password_authentication": false}]})
	findings := check.deny with data.facts as testing.facts([ss, old])
	{f.resource | some f in findings} == {"azurerm_linux_virtual_machine_scale_set.workers", "azurerm_virtual_machine.old"}
}

test_pass_windows_legacy_vm_not_judged if {
	old := testing.resource("azurerm_virtual_machine", "win", {"os_profile_linux_config": [], "os_profile_windows_config": [{"provision_vm_agent": true}]})
	count(check.deny) == 0 with data.facts as testing.facts([old])
}

test_pass_judges_linux_machines if {
	vm := testing.resource("azurerm_linux_virtual_machine", "app", {"disable_password_authentication": true})
	old := testing.resource("azurerm_virtual_machine", "old", {"os_profile_linux_config": [{"disable_password_authentication": true}]})
	check.judged == {"azurerm_linux_virtual_machine.app", "azurerm_virtual_machine.old"} with data.facts as testing.facts([vm, old])
}

test_pass_windows_and_unknown_not_judged if {
	win := testing.resource("azurerm_virtual_machine", "win", {"os_profile_linux_config": [], "os_profile_windows_config": [{"provision_vm_agent": true}]})
	later := object.union(testing.resource("azurerm_linux_virtual_machine", "later", {}), {"unknown": ["disable_password_authentication"]})
	count(check.judged) == 0 with data.facts as testing.facts([win, later])
}
