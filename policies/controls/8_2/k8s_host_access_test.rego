package annexa.controls.c8_2.k8s_host_access_test

import data.annexa.controls.c8_2.k8s_host_access as check
import data.annexa.lib.testing

test_pass_isolated_pod if {
	facts := testing.facts([testing.workload("Deployment", "payments", "api", {
		"hostNetwork": false,
		"containers": [{"name": "api"}],
		"volumes": [{"name": "tmp", "emptyDir": {}}, {"name": "cfg", "configMap": {"name": "api"}}],
	})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_host_network_cron_job if {
	facts := testing.facts([testing.workload("CronJob", "payments", "settle", {"hostNetwork": true, "hostIPC": false})])
	findings := check.deny with data.facts as facts
	findings == {{
		"msg": "CronJob payments/settle shares the node's namespace (hostNetwork: true)",
		"resource": "CronJob/payments/settle",
		"details": {"field": "hostNetwork"},
	}}
}

test_fail_host_pid_and_host_path if {
	facts := testing.facts([testing.workload("DaemonSet", "ops", "logs", {
		"hostPID": true,
		"volumes": [{"name": "varlog", "hostPath": {"path": "/var/log"}}],
	})])
	findings := check.deny with data.facts as facts
	count(findings) == 2
	some f in findings
	f.details == {"volume": "varlog", "path": "/var/log"}
}

test_pass_judges_workloads if {
	w := testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api"}]})
	svc := testing.kubernetes("Service", "payments", "api", {"spec": {}})
	check.judged == {"Deployment/payments/api"} with data.facts as testing.facts([w, svc])
	count(check.judged) == 0 with data.facts as testing.facts([svc])
}

test_pass_null_lists_and_container_ports if {
	facts := testing.facts([testing.workload("Deployment", "payments", "api", {
		"volumes": null,
		"containers": [{"name": "api", "ports": [{"containerPort": 8080}, {"containerPort": 9090, "hostPort": 0}, null]}],
	})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"Deployment/payments/api"} with data.facts as facts
}

test_fail_host_port_in_init_container if {
	facts := testing.facts([testing.workload("StatefulSet", "payments", "db", {"initContainers": [{
		"name": "probe",
		"ports": [{"containerPort": 5432, "hostPort": 5432}],
	}]})])
	findings := check.deny with data.facts as facts
	findings == {{
		"msg": `StatefulSet payments/db: init container "probe" binds the node's port 5432 (hostPort)`,
		"resource": "StatefulSet/payments/db",
		"details": {"container": "probe", "container_type": "init container", "host_port": 5432},
	}}
}

test_fail_windows_host_process_from_the_pod if {
	pod := {"securityContext": {"windowsOptions": {"hostProcess": true}}, "hostNetwork": true, "containers": [
		{"name": "agent"},
		{"name": "opt-out", "securityContext": {"windowsOptions": {"hostProcess": false}}},
	]}
	findings := check.deny with data.facts as testing.facts([testing.workload("DaemonSet", "ops", "win", pod)])
	msgs := {f.msg | some f in findings}
	msgs == {
		`DaemonSet ops/win: container "agent" runs as a Windows HostProcess container`,
		"DaemonSet ops/win shares the node's namespace (hostNetwork: true)",
	}
}
