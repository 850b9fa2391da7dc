package annexa.controls.c8_2.k8s_run_as_root_test

import data.annexa.controls.c8_2.k8s_run_as_root as check
import data.annexa.lib.testing

test_pass_pod_level_non_root if {
	facts := testing.facts([testing.workload("Deployment", "payments", "api", {
		"securityContext": {"runAsNonRoot": true, "runAsUser": 10001},
		"containers": [{"name": "api"}],
		"initContainers": [{"name": "migrate"}],
	})])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_container_level_user if {
	facts := testing.facts([testing.workload("StatefulSet", "payments", "ledger", {"containers": [{
		"name": "pg",
		"securityContext": {"runAsUser": 999},
	}]})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_no_security_context if {
	facts := testing.facts([testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api"}]})])
	findings := check.deny with data.facts as facts
	findings == {{
		"msg": `Deployment payments/api: container "api" may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set`,
		"resource": "Deployment/payments/api",
		"details": {"container": "api", "container_type": "container"},
	}}
}

test_fail_container_overrides_pod_with_root if {
	facts := testing.facts([testing.workload("CronJob", "payments", "settle", {
		"securityContext": {"runAsNonRoot": true, "runAsUser": 1000},
		"containers": [{"name": "settle", "securityContext": {"runAsUser": 0}}],
	})])
	findings := check.deny with data.facts as facts
	count(findings) == 1
	some f in findings
	f.severity == "high"
	f.msg == `CronJob payments/settle: container "settle" runs as root (runAsUser: 0)`
}

test_fail_container_turns_off_non_root if {
	facts := testing.facts([testing.workload("Pod", "payments", "p", {
		"securityContext": {"runAsNonRoot": true},
		"containers": [{"name": "a", "securityContext": {"runAsNonRoot": false}}, {"name": "b"}],
	})])
	findings := check.deny with data.facts as facts
	{f.details.container | some f in findings} == {"a"}
}

test_pass_judges_workloads_with_containers if {
	w := testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api"}]})
	svc := testing.kubernetes("Service", "payments", "api", {"spec": {}})
	check.judged == {"Deployment/payments/api"} with data.facts as testing.facts([w, svc])
	count(check.judged) == 0 with data.facts as testing.facts([svc])
}
