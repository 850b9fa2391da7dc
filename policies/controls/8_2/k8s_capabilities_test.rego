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

test_pass_null_capabilities_judged_without_error if {
	count(check.deny) == 0 with data.facts as with_caps(null)
	count(check.deny) == 0 with data.facts as with_caps({"add": null, "drop": null})
	check.judged == {"Deployment/payments/api"} with data.facts as with_caps(null)
	null_context := testing.facts([testing.workload("Pod", "payments", "p", {
		"securityContext": null,
		"containers": [{"name": "a", "securityContext": null}],
		"initContainers": null,
	})])
	count(check.deny) == 0 with data.facts as null_context
}

test_fail_non_string_capability_is_named if {
	findings := check.deny with data.facts as with_caps({"add": ["NET_ADMIN", 7]})
	some f in findings
	f.details.capabilities == ["7", "NET_ADMIN"]
}

test_fail_in_ephemeral_container_of_a_rollout if {
	facts := testing.facts([testing.workload("Rollout", "payments", "api", {"ephemeralContainers": [{
		"name": "debug",
		"securityContext": {"capabilities": {"add": ["SYS_PTRACE"]}},
	}]})])
	some f in check.deny with data.facts as facts
	f.msg == `Rollout payments/api: ephemeral container "debug" adds the capabilities SYS_PTRACE`
}
