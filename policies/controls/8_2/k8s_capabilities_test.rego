package annexa.controls.c8_2.k8s_capabilities_test

import data.annexa.controls.c8_2.k8s_capabilities as check
import data.annexa.lib.testing

with_caps(caps) := testing.facts([testing.workload("Deployment", "payments", "api", {"containers": [{
	"name": "api",
	"securityContext": {"capabilities": caps},
}]})])

test_pass_drop_all_add_bind if {
	count(check.deny) == 0 with data.facts as with_caps({"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]})
}

test_pass_no_capabilities_field if {
	facts := testing.facts([testing.workload("Pod", "payments", "p", {"containers": [{"name": "a"}]})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_sys_admin_and_all if {
	findings := check.deny with data.facts as with_caps({"add": ["CHOWN", "sys_admin", "ALL"]})
	findings == {{
		"msg": `Deployment payments/api: container "api" adds the capabilities ALL, SYS_ADMIN`,
		"resource": "Deployment/payments/api",
		"details": {"container": "api", "container_type": "container", "capabilities": ["ALL", "SYS_ADMIN"]},
	}}
}

test_fail_cap_prefix_in_init_container if {
	facts := testing.facts([testing.workload("DaemonSet", "ops", "agent", {"initContainers": [{
		"name": "net",
		"securityContext": {"capabilities": {"add": ["CAP_NET_ADMIN"]}},
	}]})])
	findings := check.deny with data.facts as facts
	some f in findings
	f.details.capabilities == ["NET_ADMIN"]
}

test_pass_judges_workloads_with_containers if {
	w := testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api"}]})
	svc := testing.kubernetes("Service", "payments", "api", {"spec": {}})
	check.judged == {"Deployment/payments/api"} with data.facts as testing.facts([w, svc])
	count(check.judged) == 0 with data.facts as testing.facts([svc])
}
