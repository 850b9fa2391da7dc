package annexa.controls.c8_5.gcp_instance_ssh_test

import data.annexa.controls.c8_5.gcp_instance_ssh as check
import data.annexa.lib.testing

vm(md) := testing.resource("google_compute_instance", "vm", {"name": "app-1", "metadata": md})

test_pass_blocks_project_keys if {
	facts := testing.facts([vm({"block-project-ssh-keys": "true"})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"google_compute_instance.vm"} with data.facts as facts
}

test_pass_os_login if {
	count(check.deny) == 0 with data.facts as testing.facts([vm({"enable-oslogin": "TRUE"})])
}

test_fail_metadata_left_out if {
	r := testing.resource("google_compute_instance", "vm", {"name": "app-1", "metadata": null})
	check.deny == {{
		"msg": "instance app-1 accepts project-wide SSH keys (block-project-ssh-keys is not true)",
		"resource": "google_compute_instance.vm",
	}} with data.facts as testing.facts([r])
}

test_fail_serial_port if {
	findings := check.deny with data.facts as testing.facts([vm({"block-project-ssh-keys": "true", "serial-port-enable": "1"})])
	{f.msg | some f in findings} == {"instance app-1 enables interactive serial port access (serial-port-enable)"}
}

test_fail_project_serial_port_item if {
	i := testing.resource("google_compute_project_metadata_item", "serial", {"key": "serial-port-enable", "value": "TRUE"})
	count(check.deny) == 1 with data.facts as testing.facts([i])
}

test_pass_unknown_metadata_not_judged if {
	r := object.union(testing.resource("google_compute_instance", "vm", {"name": "app-1"}), {"unknown": ["metadata"]})
	count(check.deny) == 0 with data.facts as testing.facts([r])
	count(check.judged) == 0 with data.facts as testing.facts([r])
}
