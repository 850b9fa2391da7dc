package annexa.controls.c5_15.k8s_rbac_wildcards_test

import data.annexa.controls.c5_15.k8s_rbac_wildcards as check
import data.annexa.lib.testing

role(kind, ns, name, rules) := testing.kubernetes(kind, ns, name, {"apiVersion": "rbac.authorization.k8s.io/v1", "rules": rules})

reader := role("Role", "payments", "reader", [{"apiGroups": [""], "resources": ["pods", "configmaps"], "verbs": ["get", "list", "watch"]}])

test_pass_named_rules if {
	facts := testing.facts([reader])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"Role/payments/reader"} with data.facts as facts
}

test_pass_null_rules_grant_nothing if {
	facts := testing.facts([role("ClusterRole", "", "empty", null), role("Role", "payments", "nulls", [null, {"verbs": null, "resources": null}])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"ClusterRole/empty", "Role/payments/nulls"} with data.facts as facts
}

test_fail_admin_cluster_role if {
	facts := testing.facts([role("ClusterRole", "", "ops-admin", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])])
	findings := check.deny with data.facts as facts
	findings == {{
		"msg": `ClusterRole ops-admin rule 0 grants every verb on every resource ("*")`,
		"resource": "ClusterRole/ops-admin",
		"severity": "critical",
		"details": {"rule": 0, "wildcards": ["apiGroups", "resources", "verbs"]},
	}}
}

test_fail_wildcard_verbs_in_role if {
	facts := testing.facts([role("Role", "payments", "deployer", [
		{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]},
		{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["*"]},
	])])
	findings := check.deny with data.facts as facts
	findings == {{
		"msg": `Role payments/deployer rule 1 grants "*" in verbs`,
		"resource": "Role/payments/deployer",
		"severity": "high",
		"details": {"rule": 1, "wildcards": ["verbs"]},
	}}
}

test_fail_wildcard_api_group_alone_is_medium if {
	facts := testing.facts([role("ClusterRole", "", "scaler", [{"apiGroups": ["*"], "resources": ["deployments/scale"], "verbs": ["update"]}])])
	some f in check.deny with data.facts as facts
	f.severity == "medium"
}

test_bootstrapped_and_aggregated_roles_not_judged if {
	admin := testing.kubernetes("ClusterRole", "", "cluster-admin", {
		"metadata": {"name": "cluster-admin", "labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}},
		"rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}],
	})
	agg := testing.kubernetes("ClusterRole", "", "monitoring", {"aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"x": "y"}}]}, "rules": null})
	facts := testing.facts([admin, agg])
	count(check.deny) == 0 with data.facts as facts
	count(check.judged) == 0 with data.facts as facts
}
