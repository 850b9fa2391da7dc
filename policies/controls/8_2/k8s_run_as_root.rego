# METADATA
# title: Kubernetes containers do not run as root
# description: |
#   Every container (init and ephemeral containers included) is kept from
#   running as root: its effective runAsUser (the container's
#   securityContext, else the pod's) is not 0, and either its effective
#   runAsNonRoot is true or it has an effective non-zero runAsUser. Without
#   either, the image's USER decides, and most images run as root. This is
#   the Pod Security Standards "restricted" rule (CIS Kubernetes Benchmark
#   v1.10.0 5.2.7), except that an explicit non-zero runAsUser is accepted
#   as proof on its own. A container's own field wins over the pod's; a
#   field or securityContext that is absent or null at both levels leaves
#   the image to decide and is a finding.
# custom:
#   controls: ["8.2"]
#   severity: medium
#   coverage: partial
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
#     Set securityContext.runAsNonRoot: true (and a non-zero runAsUser) on the
#     pod or on each container, and build the image with a non-root USER.
package annexa.controls.c8_2.k8s_run_as_root

import data.annexa.lib.k8s

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	k8s.security(w, c, "runAsUser") == 0
	finding := {
		"msg": sprintf("%s runs as root (runAsUser: 0)", [k8s.container_label(w, c)]),
		"resource": w.id,
		"severity": "high",
		"details": k8s.container_details(c),
	}
}

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	not root_user(w, c)
	not non_root(w, c)
	finding := {
		"msg": sprintf("%s may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set", [k8s.container_label(w, c)]),
		"resource": w.id,
		"details": k8s.container_details(c),
	}
}

root_user(w, c) if k8s.security(w, c, "runAsUser") == 0

non_root(w, c) if k8s.security(w, c, "runAsNonRoot") == true

non_root(w, c) if k8s.security(w, c, "runAsUser") > 0

# judged are the workloads with a container.
judged := k8s.with_containers
