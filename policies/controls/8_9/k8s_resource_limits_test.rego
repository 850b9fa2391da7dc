package annexa.controls.c8_9.k8s_resource_limits_test

import data.annexa.controls.c8_9.k8s_resource_limits as check
import data.annexa.lib.testing

limited := {"limits": {"cpu": "500m", "memory": "256Mi"}, "requests": {"cpu": "100m", "memory": "128Mi"}}

test_pass_limits_everywhere if {
	facts := testing.facts([testing.workload("StatefulSet", "payments", "ledger", {
		"containers": [{"name": "pg", "resources": limited}],
		"initContainers": [{"name": "init", "resources": limited}],
		"ephemeralContainers": [{"name": "debug"}],
	})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_no_resources if {
	facts := testing.facts([testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api"}]})])
	findings := check.deny with data.facts as facts
	findings == {{
		"msg": `Deployment payments/api: container "api" has no cpu or memory limit`,
		"resource": "Deployment/payments/api",
		"details": {"container": "api", "container_type": "container", "missing": ["cpu", "memory"]},
	}}
}

test_fail_memory_only_in_requests if {
	facts := testing.facts([testing.workload("CronJob", "payments", "settle", {"containers": [{
		"name": "settle",
		"resources": {"limits": {"cpu": "1"}, "requests": {"memory": "1Gi"}},
	}]})])
	findings := check.deny with data.facts as facts
	some f in findings
	f.details.missing == ["memory"]
}

test_pass_judges_workloads_with_containers if {
	facts := testing.facts([testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api", "resources": limited}]})])
	check.judged == {"Deployment/payments/api"} with data.facts as facts
	debug := testing.facts([testing.workload("Pod", "payments", "debug", {"ephemeralContainers": [{"name": "debug"}]})])
	count(check.judged) == 0 with data.facts as debug
}
