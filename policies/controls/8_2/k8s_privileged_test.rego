package annexa.controls.c8_2.k8s_privileged_test

import data.annexa.controls.c8_2.k8s_privileged as check
import data.annexa.lib.testing

hardened := {"allowPrivilegeEscalation": false, "privileged": false}

test_pass_hardened_containers if {
	facts := testing.facts([testing.workload("Deployment", "payments", "api", {
		"containers": [{"name": "api", "securityContext": hardened}],
		"initContainers": [{"name": "migrate", "securityContext": {"allowPrivilegeEscalation": false}}],
	})])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_no_workloads if {
	facts := testing.facts([testing.kubernetes("Service", "payments", "api", {"spec": {}})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_privileged_init_container if {
	facts := testing.facts([testing.workload("StatefulSet", "payments", "ledger", {
		"containers": [{"name": "pg", "securityContext": hardened}],
		"initContainers": [{"name": "sysctl", "securityContext": {"privileged": true, "allowPrivilegeEscalation": false}}],
	})])
	findings := check.deny with data.facts as facts
	findings == {{
		"msg": `StatefulSet payments/ledger: init container "sysctl" runs privileged`,
		"resource": "StatefulSet/payments/ledger",
		"details": {"container": "sysctl", "container_type": "init container"},
	}}
}

test_fail_escalation_not_blocked if {
	facts := testing.facts([testing.workload("CronJob", "payments", "settle", {"containers": [
		{"name": "a"},
		{"name": "b", "securityContext": {"allowPrivilegeEscalation": true}},
		{"name": "c", "securityContext": hardened},
	]})])
	findings := check.deny with data.facts as facts
	{f.details.container | some f in findings} == {"a", "b"}
	every f in findings {
		f.severity == "medium"
	}
}

test_fail_ephemeral_container if {
	facts := testing.facts([testing.workload("Pod", "payments", "debug", {
		"containers": [{"name": "app", "securityContext": hardened}],
		"ephemeralContainers": [{"name": "debugger", "securityContext": {"privileged": true}}],
	})])
	findings := check.deny with data.facts as facts
	count(findings) == 2
	every f in findings {
		f.details.container_type == "ephemeral container"
	}
}

test_pass_judges_workloads_with_containers if {
	w := testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api"}]})
	svc := testing.kubernetes("Service", "payments", "api", {"spec": {}})
	check.judged == {"Deployment/payments/api"} with data.facts as testing.facts([w, svc])
	count(check.judged) == 0 with data.facts as testing.facts([svc])
}
