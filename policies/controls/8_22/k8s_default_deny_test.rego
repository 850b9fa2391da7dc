package annexa.controls.c8_22.k8s_default_deny_test

import data.annexa.controls.c8_22.k8s_default_deny as check
import data.annexa.lib.testing

api := testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api"}]})

policy(name, spec) := testing.kubernetes("NetworkPolicy", "payments", name, {"apiVersion": "networking.k8s.io/v1", "spec": spec})

test_pass_default_deny if {
	facts := testing.facts([
		api,
		policy("default-deny", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}),
		policy("allow-api", {"podSelector": {"matchLabels": {"app": "api"}}, "ingress": [{}]}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_implied_ingress_type if {
	facts := testing.facts([api, policy("deny", {"podSelector": {}})])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_system_namespace if {
	facts := testing.facts([testing.workload("DaemonSet", "kube-system", "kube-proxy", {})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_only_allow_policies if {
	facts := testing.facts([
		api,
		policy("allow-all", {"podSelector": {}, "ingress": [{}], "policyTypes": ["Ingress"]}),
		policy("api", {"podSelector": {"matchLabels": {"app": "api"}}, "policyTypes": ["Ingress"]}),
	])
	findings := check.deny with data.facts as facts
	findings == {{
		"msg": "namespace payments has no default-deny ingress NetworkPolicy: its pods accept traffic from anywhere in the cluster",
		"resource": "Namespace/payments",
	}}
}

test_fail_egress_only_policy if {
	facts := testing.facts([api, policy("deny-egress", {"podSelector": {}, "policyTypes": ["Egress"]})])
	count(check.deny) == 1 with data.facts as facts
}

test_fail_declared_empty_namespace if {
	facts := testing.facts([testing.kubernetes("Namespace", "", "reporting", {})])
	findings := check.deny with data.facts as facts
	{f.resource | some f in findings} == {"Namespace/reporting"}
}

test_fail_policy_in_other_namespace if {
	other := testing.kubernetes("NetworkPolicy", "ops", "deny", {"spec": {"podSelector": {}}})
	findings := check.deny with data.facts as testing.facts([api, other])
	{f.resource | some f in findings} == {"Namespace/payments"}
}

test_pass_judges_workloads_and_namespaces if {
	ns := testing.kubernetes("Namespace", "", "payments", {})
	facts := testing.facts([api, ns, policy("deny", {"podSelector": {}})])
	check.judged == {"Deployment/payments/api", "Namespace/payments"} with data.facts as facts
}

test_pass_system_namespace_not_judged if {
	facts := testing.facts([testing.workload("DaemonSet", "kube-system", "kube-proxy", {}), testing.kubernetes("Namespace", "", "kube-system", {})])
	count(check.judged) == 0 with data.facts as facts
}

test_null_fields_in_network_policies if {
	deploy := testing.workload("Deployment", "payments", "api", {"containers": [{"name": "api"}]})
	deny_null := testing.kubernetes("NetworkPolicy", "payments", "deny", {"spec": {"podSelector": null, "policyTypes": null, "ingress": null}})
	count(check.deny) == 0 with data.facts as testing.facts([deploy, deny_null])
	allow_all := testing.kubernetes("NetworkPolicy", "payments", "allow", {"spec": {"podSelector": {}, "ingress": [{}]}})
	count(check.deny) == 1 with data.facts as testing.facts([deploy, allow_all])

	# The API server reads an absent podSelector as the empty one, which
	# selects every pod: a policy with an empty spec denies all ingress.
	no_spec := testing.kubernetes("NetworkPolicy", "payments", "empty", {"spec": null})
	count(check.deny) == 0 with data.facts as testing.facts([deploy, allow_all, no_spec])
}
