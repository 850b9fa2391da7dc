package annexa.controls.c8_2.k8s_cluster_admin_test

import data.annexa.controls.c8_2.k8s_cluster_admin as check
import data.annexa.lib.testing

binding(kind, ns, name, role_kind, role, subjects) := testing.kubernetes(kind, ns, name, {
	"apiVersion": "rbac.authorization.k8s.io/v1",
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": role_kind, "name": role},
	"subjects": subjects,
})

alice := {"kind": "User", "name": "alice@acme.example", "apiGroup": "rbac.authorization.k8s.io"}

test_pass_view_binding if {
	facts := testing.facts([binding("ClusterRoleBinding", "", "alice-view", "ClusterRole", "view", [alice])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"ClusterRoleBinding/alice-view"} with data.facts as facts
}

test_pass_system_masters_and_bootstrapped if {
	masters := binding("ClusterRoleBinding", "", "masters", "ClusterRole", "cluster-admin", [{"kind": "Group", "name": "system:masters"}])
	boot := testing.kubernetes("ClusterRoleBinding", "", "cluster-admin", {
		"metadata": {"name": "cluster-admin", "labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}},
		"roleRef": {"kind": "ClusterRole", "name": "cluster-admin"},
		"subjects": [alice],
	})
	facts := testing.facts([masters, boot])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"ClusterRoleBinding/masters"} with data.facts as facts
}

test_pass_null_subjects_and_role_ref if {
	facts := testing.facts([
		binding("ClusterRoleBinding", "", "empty", "ClusterRole", "cluster-admin", null),
		testing.kubernetes("RoleBinding", "payments", "broken", {"roleRef": null, "subjects": [alice]}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_user_cluster_admin if {
	facts := testing.facts([binding("ClusterRoleBinding", "", "alice-admin", "ClusterRole", "cluster-admin", [alice])])
	findings := check.deny with data.facts as facts
	findings == {{
		"msg": "ClusterRoleBinding alice-admin grants administrator rights (ClusterRole/cluster-admin) to User alice@acme.example",
		"resource": "ClusterRoleBinding/alice-admin",
		"severity": "high",
		"details": {"role": "ClusterRole/cluster-admin", "subject": "User alice@acme.example"},
	}}
}

test_fail_authenticated_group_is_critical if {
	facts := testing.facts([binding("ClusterRoleBinding", "", "oops", "ClusterRole", "cluster-admin", [{"kind": "Group", "name": "system:authenticated"}])])
	some f in check.deny with data.facts as facts
	f.severity == "critical"
}

test_fail_role_binding_service_account_to_own_admin_role if {
	role := testing.kubernetes("Role", "payments", "all", {"rules": [{"apiGroups": [""], "resources": ["*"], "verbs": ["*"]}]})
	rb := binding("RoleBinding", "payments", "ci", "Role", "all", [{"kind": "ServiceAccount", "name": "ci"}])
	findings := check.deny with data.facts as testing.facts([role, rb])
	{f.msg | some f in findings} == {"RoleBinding payments/ci grants administrator rights (Role/payments/all) to ServiceAccount payments/ci"}
}

test_fail_role_binding_to_cluster_admin if {
	rb := binding("RoleBinding", "payments", "deployer", "ClusterRole", "cluster-admin", [{"kind": "ServiceAccount", "name": "deployer", "namespace": "ci"}])
	findings := check.deny with data.facts as testing.facts([rb])
	{f.details.subject | some f in findings} == {"ServiceAccount ci/deployer"}
}
