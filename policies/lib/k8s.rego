# METADATA
# title: Kubernetes helpers
# description: |
#   Accessors over the facts of kind kubernetes. Every workload (Pod,
#   Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController,
#   Job, CronJob, PodTemplate, and a custom resource with a pod template at
#   spec.template.spec such as an Argo Rollout or an OpenShift
#   DeploymentConfig) carries its pod spec at attributes.pod_spec, so
#   container checks are written once for all of them. Manifests may hold
#   null where a map or list is expected (capabilities: null, volumes:
#   null): the accessors read those as empty, never as an error.
# custom:
#   library: true
package annexa.lib.k8s

# objects lists the Kubernetes objects of kind k (Deployment, Ingress, ...).
objects(k) := object.get(data.facts.by_type, ["kubernetes", k], [])

# all lists every Kubernetes object.
all := object.get(data.facts.by_kind, "kubernetes", [])

# workloads lists the objects that run pods.
workloads := [w |
	some w in all
	is_object(w.attributes.pod_spec)
]

# ids is the set of the ids of the objects of the given kinds (a list).
ids(kinds) := {o.id |
	some k in kinds
	some o in objects(k)
}

# workload_ids is the set of the ids of the workloads: the judged set of a
# policy whose criterion applies to every pod spec.
workload_ids := {w.id | some w in workloads}

# with_containers is the set of the ids of the workloads with at least
# one container: the judged set of a policy whose criterion applies to
# every container.
with_containers := {w.id |
	some w in workloads
	count(containers(w)) > 0
}

# container_lists are the pod spec fields holding containers.
container_lists := ["containers", "initContainers", "ephemeralContainers"]

# obj is x when it is an object, else {} (null, absent, a scalar).
obj(x) := x if is_object(x)

else := {}

# arr is x when it is an array, else [] (null, absent, a scalar).
arr(x) := x if is_array(x)

else := []

# spec_list is the value of field of w's pod spec, absent or null read as
# an empty list (the pod spec lists: volumes, containers, ...).
spec_list(w, field) := arr(object.get(w.attributes.pod_spec, field, []))

# containers lists every container of workload w, init and ephemeral ones
# included, each as {list, index, name, container, path}; path is the
# container's dotted attribute path, as the fact's sensitive list has it.
containers(w) := [entry |
	some list in container_lists
	some i, c in spec_list(w, list)
	is_object(c) # a null entry is no container
	entry := {
		"list": list,
		"index": i,
		"name": container_name(c, list, i),
		"container": c,
		"path": sprintf("pod_spec.%s.%d", [list, i]),
	}
]

container_name(c, list, i) := c.name if is_string(c.name)

else := sprintf("%s[%d]", [list, i])

# namespace is the namespace of object o, "" for cluster-scoped objects.
namespace(o) := object.get(o.attributes.metadata, "namespace", "")

# name is "NAMESPACE/NAME", or "NAME" for a cluster-scoped object.
name(o) := sprintf("%s/%s", [o.attributes.metadata.namespace, o.attributes.metadata.name]) if {
	o.attributes.metadata.namespace
} else := o.attributes.metadata.name

# label names a workload for a message: "Deployment payments/api".
label(w) := sprintf("%s %s", [w.type, name(w)])

list_word := {
	"containers": "container",
	"initContainers": "init container",
	"ephemeralContainers": "ephemeral container",
}

# container_label names a container of w for a message:
# `Deployment payments/api: init container "migrate"`.
container_label(w, c) := sprintf("%s: %s %q", [label(w), list_word[c.list], c.name])

# container_details are the details of a finding about container c.
container_details(c) := {"container": c.name, "container_type": list_word[c.list]}

# security is field of container c's securityContext, else of the pod's
# securityContext (for the fields both levels have: runAsNonRoot,
# runAsUser, runAsGroup, seccompProfile, ...), undefined when neither
# sets it. A field set to null, or a securityContext that is null, sets
# nothing: the pod's value then applies, as the API server reads it.
security(w, c, field) := v if {
	v := obj(object.get(c.container, "securityContext", {}))[field]
	v != null
}

else := v if {
	v := pod_security(w)[field]
	v != null
}

# pod_security is the pod's securityContext, {} when absent or null.
pod_security(w) := obj(object.get(w.attributes.pod_spec, "securityContext", {}))

# container_context is container c's own securityContext, {} when absent
# or null.
container_context(c) := obj(object.get(c.container, "securityContext", {}))

# container_security is field of the container's own securityContext, for
# the fields only containers have (privileged, allowPrivilegeEscalation,
# capabilities, readOnlyRootFilesystem), undefined when absent.
container_security(c, field) := container_context(c)[field]

has_key(obj, key) if _ = obj[key]

# is_sensitive is true when the value at the dotted path was redacted by
# the provider (a literal secret).
is_sensitive(o, path) if path in object.get(o, "sensitive", [])
