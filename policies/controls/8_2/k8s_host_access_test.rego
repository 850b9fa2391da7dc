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
