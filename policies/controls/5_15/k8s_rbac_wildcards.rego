# METADATA
# title: Kubernetes RBAC roles grant no wildcard permissions
# description: |
#   No Role or ClusterRole has a rule with "*" among its verbs, resources
#   or apiGroups (CIS Kubernetes Benchmark v1.10.0 5.1.3). A wildcard
#   grants every current and future verb, resource type or API group,
#   custom resources and subresources such as pods/exec, secrets and
#   escalate/bind/impersonate included, so what a role allows can no
#   longer be reviewed against the need of whoever holds it. "*" verbs on
#   "*" resources is administrator access (critical); a wildcard verb or
#   resource is high; a wildcard API group alone (with named resources) is
#   medium. Rules, verbs, resources and apiGroups that are absent or null
#   grant nothing. The default roles Kubernetes itself maintains (label
#   kubernetes.io/bootstrapping: rbac-defaults, such as cluster-admin) and
#   aggregated ClusterRoles whose rules the controller fills from other
#   roles are not judged: the roles they aggregate are.
# custom:
#   controls: ["5.15", "5.18", "8.2"]
#   severity: high
#   coverage:
#     "5.15": partial
#     "5.18": supporting
#     "8.2": partial
#   inputs:
#     - kubernetes:ClusterRole
#     - kubernetes:Role
#   remediation: |
#     List the API groups, resources and verbs the subject needs (kubectl
#     auth can-i --list and the audit log show what it uses); keep full
#     administrator access to the built-in cluster-admin role, bound only to
#     break-glass identities.
package annexa.controls.c5_15.k8s_rbac_wildcards

import data.annexa.lib.k8s

role_kinds := ["Role", "ClusterRole"]

deny contains finding if {
	some role in judged_roles
	some i, raw in k8s.arr(object.get(role.attributes, "rules", []))
	rule := k8s.obj(raw)
	fields := [f | some f in ["apiGroups", "resources", "verbs"]; "*" in k8s.arr(object.get(rule, f, []))]
	count(fields) > 0
	finding := {
		"msg": sprintf("%s %s rule %d grants %s", [role.type, k8s.name(role), i, grant(fields)]),
		"resource": role.id,
		"severity": severity(fields),
		"details": {"rule": i, "wildcards": fields},
	}
}

grant(fields) := "every verb on every resource (\"*\")" if {
	"verbs" in fields
	"resources" in fields
} else := sprintf("\"*\" in %s", [concat(" and ", fields)])

severity(fields) := "critical" if {
	"verbs" in fields
	"resources" in fields
} else := "medium" if {
	fields == ["apiGroups"]
} else := "high"

# bootstrapped roles are maintained by Kubernetes itself.
bootstrapped(o) if object.get(o.attributes, ["metadata", "labels", "kubernetes.io/bootstrapping"], "") == "rbac-defaults"

# aggregated ClusterRoles get their rules from the roles they select.
aggregated(o) if is_object(object.get(o.attributes, "aggregationRule", null))

judged_roles contains role if {
	some kind in role_kinds
	some role in k8s.objects(kind)
	not bootstrapped(role)
	not aggregated(role)
}

# judged are the roles and cluster roles defined by their users.
judged contains role.id if some role in judged_roles
