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

vm_without_oslogin := testing.resource("google_compute_instance", "web", {"name": "web", "project": "acme-prod", "metadata": {"block-project-ssh-keys": "true"}})

test_fail_instance_leaves_oslogin_out if {
	check.deny == {{
		"msg": "Compute Engine instance web leaves enable-oslogin out and nothing in the input turns OS Login on for its project, so OS Login is off",
		"resource": "google_compute_instance.web",
	}} with data.facts as testing.facts([vm_without_oslogin])
	check.judged == {"google_compute_instance.web"} with data.facts as testing.facts([vm_without_oslogin])
}

test_fail_instance_without_metadata if {
	vm := object.union(testing.resource("google_compute_instance", "web", {"name": "web"}), {"configured": ["name"]})
	findings := check.deny with data.facts as testing.facts([vm])
	{f.resource | some f in findings} == {"google_compute_instance.web"}
}

test_pass_project_item_on_upper_and_lower_case if {
	every v in ["TRUE", "true", "True"] {
		item := testing.resource("google_compute_project_metadata_item", "oslogin", {"key": "enable-oslogin", "value": v})
		count(check.deny) == 0 with data.facts as testing.facts([vm_without_oslogin, item])
	}
}

test_pass_project_metadata_on_same_project if {
	project := testing.resource("google_compute_project_metadata", "default", {"project": "acme-prod", "metadata": {"enable-oslogin": "true"}})
	count(check.deny) == 0 with data.facts as testing.facts([vm_without_oslogin, project])
}

test_fail_project_metadata_on_other_project if {
	project := testing.resource("google_compute_project_metadata", "default", {"project": "acme-sandbox", "metadata": {"enable-oslogin": "TRUE"}})
	findings := check.deny with data.facts as testing.facts([vm_without_oslogin, project])
	{f.resource | some f in findings} == {"google_compute_instance.web"}
}

test_pass_org_policy_requires_oslogin if {
	policy := testing.resource("google_project_organization_policy", "oslogin", {
		"project": "acme-prod", "constraint": "compute.requireOsLogin",
		"boolean_policy": [{"enforced": true}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([vm_without_oslogin, policy])
	v2 := testing.resource("google_org_policy_policy", "oslogin", {
		"name": "projects/acme-prod/policies/compute.requireOsLogin",
		"spec": [{"rules": [{"enforce": "TRUE"}]}],
	})
	count(check.deny) == 0 with data.facts as testing.facts([vm_without_oslogin, v2])
}

test_pass_unknown_project_setting_not_judged if {
	item := object.union(
		testing.resource("google_compute_project_metadata_item", "oslogin", {"key": "enable-oslogin"}),
		{"unknown": ["value"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([vm_without_oslogin, item])
	count(check.judged) == 1 with data.facts as testing.facts([vm_without_oslogin, item])
}

test_pass_unknown_instance_metadata_not_judged if {
	vm := object.union(testing.resource("google_compute_instance", "web", {"name": "web"}), {"unknown": ["metadata"]})
	count(check.deny) == 0 with data.facts as testing.facts([vm])
	count(check.judged) == 0 with data.facts as testing.facts([vm])
}

# google_compute_project_metadata owns the project's metadata: leaving
# enable-oslogin out removes it, and OS Login is off for the project.
project_without_oslogin := testing.resource("google_compute_project_metadata", "default", {"project": "acme-prod", "metadata": {"serial-port-enable": "FALSE"}})

test_fail_project_metadata_leaves_oslogin_out if {
	facts := testing.facts([project_without_oslogin])
	check.deny == {{
		"msg": "project metadata leaves enable-oslogin out, and as it replaces all project metadata OS Login is off for every instance that does not turn it on itself",
		"resource": "google_compute_project_metadata.default",
	}} with data.facts as facts
	check.judged == {"google_compute_project_metadata.default"} with data.facts as facts
}

test_pass_project_metadata_without_key_but_org_policy_or_item if {
	policy := testing.resource("google_project_organization_policy", "oslogin", {
		"project": "acme-prod", "constraint": "compute.requireOsLogin",
		"boolean_policy": [{"enforced": true}],
	})
	item := testing.resource("google_compute_project_metadata_item", "oslogin", {"project": "acme-prod", "key": "enable-oslogin", "value": "TRUE"})
	every other in [policy, item] {
		count(check.deny) == 0 with data.facts as testing.facts([project_without_oslogin, other])
	}
}

test_pass_project_metadata_unknown_not_judged if {
	p := object.union(testing.resource("google_compute_project_metadata", "default", {"project": "acme-prod"}), {"unknown": ["metadata"]})
	count(check.deny) == 0 with data.facts as testing.facts([p])
}
