# Test builders for Kubernetes and configuration facts, in the package of
# the other test helpers (testing.rego) so tests import one package.
package annexa.lib.testing

# kubernetes builds a Kubernetes object fact as the kubernetes provider
# writes it. namespace "" makes a cluster-scoped object (id KIND/NAME).
kubernetes(kind, namespace, name, attributes) := {
	"kind": "kubernetes",
	"type": kind,
	"id": kubernetes_id(kind, namespace, name),
	"attributes": object.union(
		{"apiVersion": "v1", "kind": kind, "metadata": kubernetes_metadata(namespace, name)},
		attributes,
	),
	"source": {"provider": "test", "file": "manifests.yaml"},
}

kubernetes_id(kind, "", name) := sprintf("%s/%s", [kind, name])

kubernetes_id(kind, namespace, name) := sprintf("%s/%s/%s", [kind, namespace, name]) if namespace != ""

kubernetes_metadata("", name) := {"name": name}

kubernetes_metadata(namespace, name) := {"name": name, "namespace": namespace} if namespace != ""

# workload builds a Deployment, Pod, CronJob ... fact with the given pod
# spec at attributes.pod_spec.
workload(kind, namespace, name, pod_spec) := kubernetes(kind, namespace, name, {"pod_spec": pod_spec})

# with_sensitive returns fact f with the given dotted paths marked redacted.
with_sensitive(f, paths) := object.union(f, {"sensitive": paths})

# config builds a configuration fact of the given type; name is the file
# path (or, for github_repository, OWNER/REPO).
config(type, name, attributes) := {
	"kind": "config",
	"type": type,
	"id": sprintf("%s:%s", [type, name]),
	"attributes": attributes,
	"source": {"provider": "test", "file": name},
}
