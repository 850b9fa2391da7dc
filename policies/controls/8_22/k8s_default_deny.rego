# METADATA
# title: Kubernetes namespaces deny ingress traffic by default
# description: |
#   Every namespace that runs workloads or is declared by a Namespace object
#   (except the system namespaces kube-system, kube-public and
#   kube-node-lease) has a default-deny NetworkPolicy: one with an empty
#   podSelector (selecting every pod), Ingress among its policy types
#   (stated, or implied when policyTypes is left out) and no ingress rules
#   (ingress absent, null or empty; a rule {} would allow everything).
#   Without it every pod accepts traffic from anywhere in the cluster until
#   a policy happens to select it, so the namespace is not segregated.
#   Policies that allow traffic are judged by their own reviews, not here.
# custom:
#   controls: ["8.22"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - kubernetes:CronJob
#     - kubernetes:DaemonSet
#     - kubernetes:Deployment
#     - kubernetes:DeploymentConfig
#     - kubernetes:Job
#     - kubernetes:Namespace
#     - kubernetes:NetworkPolicy
#     - kubernetes:Pod
#     - kubernetes:ReplicaSet
#     - kubernetes:ReplicationController
#     - kubernetes:Rollout
#     - kubernetes:StatefulSet
#   remediation: |
#     Add to the namespace a NetworkPolicy with podSelector: {} and
#     policyTypes: [Ingress] and no ingress rules, then allow the flows each
#     workload needs with NetworkPolicies that select it.
package annexa.controls.c8_22.k8s_default_deny

import data.annexa.lib.k8s

system_namespaces := {"kube-system", "kube-public", "kube-node-lease"}

# PodTemplates run nothing themselves.
running(w) if w.type != "PodTemplate"

namespaces contains ns if {
	some w in k8s.workloads
	running(w)
	ns := k8s.namespace(w)
}

namespaces contains ns if {
	some n in k8s.objects("Namespace")
	ns := n.attributes.metadata.name
}

protected contains ns if {
	some p in k8s.objects("NetworkPolicy")
	default_deny(k8s.obj(object.get(p.attributes, "spec", {})))
	ns := k8s.namespace(p)
}

default_deny(spec) if {
	selects_all(k8s.obj(object.get(spec, "podSelector", {})))
	"Ingress" in policy_types(spec)
	count(k8s.arr(object.get(spec, "ingress", []))) == 0
}

selects_all(selector) if {
	count(k8s.obj(object.get(selector, "matchLabels", {}))) == 0
	count(k8s.arr(object.get(selector, "matchExpressions", []))) == 0
}

# policy_types are the stated policyTypes; when left out (or null),
# Kubernetes implies Ingress (and Egress only with egress rules).
policy_types(spec) := spec.policyTypes if is_array(spec.policyTypes)

else := ["Ingress"]

deny contains finding if {
	some ns in namespaces
	not ns in system_namespaces
	not ns in protected
	finding := {
		"msg": sprintf("namespace %s has no default-deny ingress NetworkPolicy: its pods accept traffic from anywhere in the cluster", [ns]),
		"resource": sprintf("Namespace/%s", [ns]),
	}
}

# judged are the workloads running outside the system namespaces and the
# Namespace objects of the others: each namespace needs a default-deny
# policy.
judged contains w.id if {
	some w in k8s.workloads
	running(w)
	not k8s.namespace(w) in system_namespaces
}

judged contains n.id if {
	some n in k8s.objects("Namespace")
	not n.attributes.metadata.name in system_namespaces
}
