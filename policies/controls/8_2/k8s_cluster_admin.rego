# METADATA
# title: Kubernetes RBAC binds cluster administrator rights to no one day to day
# description: |
#   No ClusterRoleBinding or RoleBinding grants an administrator role: the
#   built-in ClusterRole cluster-admin, or a Role or ClusterRole in the same
#   input with a rule of "*" verbs on "*" resources (CIS Kubernetes
#   Benchmark v1.10.0 5.1.1). Every subject of such a binding is reported
#   (users, groups, service accounts), except the group system:masters,
#   which the API server already treats as all-powerful whatever is bound
#   to it (its use is CIS 5.1.7, out of scope here). A binding to the
#   groups everyone belongs to (system:authenticated,
#   system:unauthenticated, system:anonymous, system:serviceaccounts) is
#   critical; any other subject is high. A RoleBinding to cluster-admin is
#   administrator of its namespace and reported the same way. The default
#   bindings Kubernetes maintains (label kubernetes.io/bootstrapping:
#   rbac-defaults) are not judged. A binding whose roleRef or subjects are
#   absent or null grants nothing.
# custom:
#   controls: ["8.2", "5.15", "5.18"]
#   severity: high
#   coverage:
#     "8.2": partial
#     "5.15": partial
#     "5.18": supporting
#   inputs:
#     - kubernetes:ClusterRole
#     - kubernetes:ClusterRoleBinding
#     - kubernetes:Role
#     - kubernetes:RoleBinding
#   remediation: |
#     Bind a role with the verbs and resources the subject needs instead
#     (the built-in admin, edit or view roles in a namespace, or a role of
#     your own). Keep cluster-admin for break-glass identities used through
#     a reviewed, time-limited process, never for workloads' service
#     accounts or broad groups.
package annexa.controls.c8_2.k8s_cluster_admin

import data.annexa.lib.k8s

everyone := {"system:authenticated", "system:unauthenticated", "system:anonymous", "system:serviceaccounts"}

bootstrapped(o) if object.get(o.attributes, ["metadata", "labels", "kubernetes.io/bootstrapping"], "") == "rbac-defaults"

# admin_roles are the roles granting "*" verbs on "*" resources, as
# "KIND/NAMESPACE/NAME" for Roles and "ClusterRole/NAME".
admin_roles contains "ClusterRole/cluster-admin"

admin_roles contains role.id if {
	some kind in ["Role", "ClusterRole"]
	some role in k8s.objects(kind)
	some raw in k8s.arr(object.get(role.attributes, "rules", []))
	rule := k8s.obj(raw)
	"*" in k8s.arr(object.get(rule, "verbs", []))
	"*" in k8s.arr(object.get(rule, "resources", []))
}

bindings contains b if {
	some kind in ["ClusterRoleBinding", "RoleBinding"]
	some b in k8s.objects(kind)
	not bootstrapped(b)
}

# role_id is the fact id of the role a binding refers to: a RoleBinding's
# Role lives in the binding's namespace.
role_id(b) := sprintf("ClusterRole/%s", [object.get(ref, "name", "")]) if {
	ref := k8s.obj(object.get(b.attributes, "roleRef", {}))
	ref.kind == "ClusterRole"
} else := sprintf("Role/%s/%s", [k8s.namespace(b), object.get(ref, "name", "")]) if {
	ref := k8s.obj(object.get(b.attributes, "roleRef", {}))
	ref.kind == "Role"
}

deny contains finding if {
	some b in bindings
	role := role_id(b)
	role in admin_roles
	some raw in k8s.arr(object.get(b.attributes, "subjects", []))
	s := k8s.obj(raw)
	subject := subject_label(s, b)
	not exempt(s)
	finding := {
		"msg": sprintf("%s %s grants administrator rights (%s) to %s", [b.type, k8s.name(b), role, subject]),
		"resource": b.id,
		"severity": subject_severity(s),
		"details": {"role": role, "subject": subject},
	}
}

subject_label(s, b) := sprintf("ServiceAccount %s/%s", [object.get(s, "namespace", k8s.namespace(b)), object.get(s, "name", "")]) if {
	object.get(s, "kind", "") == "ServiceAccount"
} else := sprintf("%s %s", [object.get(s, "kind", "subject"), object.get(s, "name", "")])

exempt(s) if {
	object.get(s, "kind", "") == "Group"
	object.get(s, "name", "") == "system:masters"
}

subject_severity(s) := "critical" if {
	object.get(s, "kind", "") in {"Group", "User"}
	name := object.get(s, "name", "")
	some group in everyone
	startswith(name, group)
} else := "high"

# judged are the bindings, whatever role they grant.
judged contains b.id if some b in bindings
