package annexa.controls.c5_17.literal_secrets_test

import data.annexa.controls.c5_17.literal_secrets as check
import data.annexa.lib.testing

lambda := object.union(
	testing.resource("aws_lambda_function", "api", {"environment": [{"variables": {"STRIPE_SK": "(sensitive)", "REGION": "eu-west-1"}}]}),
	{"sensitive": ["environment.0.variables.STRIPE_SK"], "detected": {"environment.0.variables.STRIPE_SK": "stripe-access-token"}},
)

test_pass_no_literal_secret if {
	r := testing.resource("aws_lambda_function", "api", {"environment": [{"variables": {"REGION": "eu-west-1"}}]})
	count(check.deny) == 0 with data.facts as testing.facts([r])
	count(check.judged) == 0 with data.facts as testing.facts([r])
}

test_pass_sensitive_variable_is_no_literal if {
	# Marked sensitive by its source, not detected: a reference, not a literal.
	r := object.union(
		testing.resource("aws_db_instance", "db", {"password": "(sensitive)"}),
		{"sensitive": ["password"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([r])
}

test_fail_literal_secret if {
	check.judged == {"aws_lambda_function.api"} with data.facts as testing.facts([lambda])
	findings := check.deny with data.facts as testing.facts([lambda])
	findings == {{
		"msg": "aws_lambda_function.api holds a literal secret at environment.0.variables.STRIPE_SK (found by rule stripe-access-token)",
		"resource": "aws_lambda_function.api",
		"details": {"path": "environment.0.variables.STRIPE_SK", "rule": "stripe-access-token"},
	}}
}

test_fail_crd_env_reported_here if {
	w := {
		"kind": "kubernetes", "type": "Rollout", "id": "Rollout/payments/api",
		"attributes": {"spec": {"template": {"spec": {"containers": [{"name": "api", "env": [{"name": "JWT_SIGNING_KEY", "value": "(sensitive)"}]}]}}}},
		"sensitive": ["spec.template.spec.containers.0.env.0.value"],
		"detected": {"spec.template.spec.containers.0.env.0.value": "secret-name"},
		"source": {"provider": "test", "file": "rollout.yaml"},
	}
	findings := check.deny with data.facts as testing.facts([w])
	count(findings) == 1
}

test_pass_builtin_workload_env_left_to_k8s_secret_env if {
	w := object.union(
		testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api", "env": [{"name": "JWT_SIGNING_KEY", "value": "(sensitive)"}]}]}),
		{
			"sensitive": ["pod_spec.containers.0.env.0.value", "spec.template.spec.containers.0.env.0.value"],
			"detected": {"pod_spec.containers.0.env.0.value": "secret-name", "spec.template.spec.containers.0.env.0.value": "secret-name"},
		},
	)
	count(check.deny) == 0 with data.facts as testing.facts([w])
}

test_fail_config_file if {
	c := {
		"kind": "config", "type": "docker", "id": "docker/config.json",
		"attributes": {"auths": {"registry.acme.io": {"auth": "(sensitive)"}}},
		"sensitive": ["auths.registry.acme.io.auth"],
		"detected": {"auths.registry.acme.io.auth": "generic-api-key"},
		"source": {"provider": "test", "file": "config.json"},
	}
	findings := check.deny with data.facts as testing.facts([c])
	count(findings) == 1
}
