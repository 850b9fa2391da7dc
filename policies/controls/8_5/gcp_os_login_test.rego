package annexa.controls.c8_5.gcp_os_login_test

import data.annexa.controls.c8_5.gcp_os_login as check
import data.annexa.lib.testing

test_pass_os_login_on if {
	vm := testing.resource("google_compute_instance", "web", {"metadata": {"enable-oslogin": "TRUE"}})
	tpl := testing.resource("google_compute_instance_template", "workers", {"metadata": {}})
	project := testing.resource("google_compute_project_metadata", "default", {"metadata": {"enable-oslogin": "TRUE"}})
	count(check.deny) == 0 with data.facts as testing.facts([vm, tpl, project])
}

test_fail_instance_turns_it_off if {
	vm := testing.resource("google_compute_instance", "ftp", {"metadata": {"enable-oslogin": "FALSE", "ssh-keys": "deploy:ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH2 deploy"}})
	check.deny == {{"msg": "Compute Engine instance turns OS Login off", "resource": "google_compute_instance.ftp"}} with data.facts as testing.facts([vm])
}

test_fail_lower_case_and_zero if {
	tpl := testing.resource("google_compute_instance_template", "workers", {"metadata": {"enable-oslogin": "false"}})
	project := testing.resource("google_compute_project_metadata", "default", {"metadata": {"enable-oslogin": "0"}})
	findings := check.deny with data.facts as testing.facts([tpl, project])
	{f.msg | some f in findings} == {
		"instance template turns OS Login off for the instances made from it",
		"project metadata turns OS Login off for every instance that does not turn it on itself",
	}
}

test_fail_project_metadata_item if {
	item := testing.resource("google_compute_project_metadata_item", "oslogin", {"key": "enable-oslogin", "value": "FALSE"})
	count(check.deny) == 1 with data.facts as testing.facts([item])
}

test_pass_other_metadata_item if {
	item := testing.resource("google_compute_project_metadata_item", "serial", {"key": "serial-port-enable", "value": "FALSE"})
	count(check.deny) == 0 with data.facts as testing.facts([item])
}

test_pass_judges_known_metadata if {
	vm := testing.resource("google_compute_instance", "web", {"metadata": {"enable-oslogin": "TRUE"}})
	item := testing.resource("google_compute_project_metadata_item", "serial", {"key": "serial-port-enable", "value": "FALSE"})
	check.judged == {"google_compute_instance.web"} with data.facts as testing.facts([vm, item])
	unknown := object.union(testing.resource("google_compute_instance", "later", {}), {"unknown": ["metadata"]})
	count(check.judged) == 0 with data.facts as testing.facts([unknown, item])
}
