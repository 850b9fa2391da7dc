# METADATA
# title: Kubernetes workloads take secrets from Secrets, not from literals
# description: |
#   No container (init and ephemeral containers included) gets a secret as a
#   literal value in its manifest: an environment variable named like a
#   secret (DB_PASSWORD, API_KEY, *_TOKEN, *_SECRET, ...) or holding a URL
#   with a password, or a secret command-line flag (--db-password=...). A
#   literal is readable by everyone who can read the manifest, its
#   repository and the workload object, and is not rotated with the
#   secret. What only points at a secret is no literal and not reported: a
#   $(VAR) or ${VAR} reference (the recommended way to put a Secret on a
#   command line: env[].valueFrom.secretKeyRef, then --password=$(VAR)), a
#   URL whose password is such a reference, and a file path
#   (--tls-private-key=/etc/tls/tls.key, where a mounted Secret is read).
#   The provider redacts literal values and marks them sensitive; this
#   policy reports where they were, never what they were. For 8.4 it is
#   supporting evidence only: secrets kept out of manifests, and so out of
#   their repositories, do not show who can read or change source code.
# custom:
#   controls: ["5.17", "8.4"]
#   severity: high
#   coverage:
#     "5.17": partial
#     "8.4": supporting
#   inputs:
#     - kubernetes:CronJob
#     - kubernetes:DaemonSet
#     - kubernetes:Deployment
#     - kubernetes:DeploymentConfig
#     - kubernetes:Job
#     - kubernetes:Pod
#     - kubernetes:PodTemplate
#     - kubernetes:ReplicaSet
#     - kubernetes:ReplicationController
#     - kubernetes:Rollout
#     - kubernetes:StatefulSet
#   remediation: |
#     Move the value into a Secret (or an external secret store synced into
#     one) and reference it with env[].valueFrom.secretKeyRef or envFrom;
#     rotate the exposed secret, as it is in your version history.
package annexa.controls.c5_17.k8s_secret_env

import data.annexa.lib.k8s

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	some j, e in k8s.arr(object.get(c.container, "env", []))
	k8s.is_sensitive(w, sprintf("%s.env.%d.value", [c.path, j]))
	name := env_name(e, j)
	finding := {
		"msg": sprintf("%s sets %s to a literal secret value", [k8s.container_label(w, c), name]),
		"resource": w.id,
		"details": object.union(k8s.container_details(c), {"env": name}),
	}
}

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	some field in ["command", "args"]
	some i, _ in k8s.arr(object.get(c.container, field, []))
	k8s.is_sensitive(w, sprintf("%s.%s.%d", [c.path, field, i]))
	finding := {
		"msg": sprintf("%s passes a secret on its command line (%s[%d])", [k8s.container_label(w, c), field, i]),
		"resource": w.id,
		"details": object.union(k8s.container_details(c), {"argument": sprintf("%s[%d]", [field, i])}),
	}
}

env_name(e, j) := e.name if is_string(e.name)

else := sprintf("env[%d]", [j])

# judged are the workloads with a container, whose environment and
# command lines it checks.
judged := k8s.with_containers
