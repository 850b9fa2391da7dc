package annexa.controls.c5_17.k8s_secret_env_test

import data.annexa.controls.c5_17.k8s_secret_env as check
import data.annexa.lib.testing

api(env) := testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api", "env": env}]})

test_pass_secret_key_ref if {
	w := api([
		{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "ledger-db", "key": "password"}}},
		{"name": "LOG_LEVEL", "value": "info"},
	])
	count(check.deny) == 0 with data.facts as testing.facts([w])
}

test_pass_sensitive_elsewhere_not_reported if {
	w := testing.with_sensitive(api([{"name": "LOG_LEVEL", "value": "info"}]), ["metadata.annotations.kubectl.kubernetes.io/last-applied-configuration"])
	count(check.deny) == 0 with data.facts as testing.facts([w])
}

test_fail_literal_secret_env if {
	w := testing.with_sensitive(
		api([{"name": "LOG_LEVEL", "value": "info"}, {"name": "STRIPE_SECRET_KEY", "value": "(sensitive)"}]),
		["pod_spec.containers.0.env.1.value", "spec.template.spec.containers.0.env.1.value"],
	)
	findings := check.deny with data.facts as testing.facts([w])
	findings == {{
		"msg": `Deployment payments/api: container "api" sets STRIPE_SECRET_KEY to a literal secret value`,
		"resource": "Deployment/payments/api",
		"details": {"container": "api", "container_type": "container", "env": "STRIPE_SECRET_KEY"},
	}}
}

test_fail_secret_flag_in_init_container if {
	w := testing.with_sensitive(
		testing.workload("Job", "payments", "migrate", {"initContainers": [{"name": "m", "args": ["--verbose", "--db-password=(sensitive)"]}]}),
		["pod_spec.initContainers.0.args.1"],
	)
	findings := check.deny with data.facts as testing.facts([w])
	some f in findings
	f.msg == `Job payments/migrate: init container "m" passes a secret on its command line (args[1])`
}

test_pass_judges_workloads_with_containers if {
	w := api([{"name": "LOG_LEVEL", "value": "info"}])
	empty := testing.workload("Deployment", "payments", "empty", {})
	ns := testing.kubernetes("Namespace", "", "payments", {})
	check.judged == {"Deployment/payments/api"} with data.facts as testing.facts([w, empty, ns])
	count(check.judged) == 0 with data.facts as testing.facts([ns])
}

test_fail_unnamed_env_entry_still_reported if {
	w := testing.with_sensitive(api([{"value": "(sensitive)"}]), ["pod_spec.containers.0.env.0.value"])
	findings := check.deny with data.facts as testing.facts([w])
	some f in findings
	f.details.env == "env[0]"
}

test_pass_null_env_and_args if {
	w := testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api", "env": null, "args": null, "command": null}]})
	count(check.deny) == 0 with data.facts as testing.facts([w])
	check.judged == {"Deployment/payments/api"} with data.facts as testing.facts([w])
}
