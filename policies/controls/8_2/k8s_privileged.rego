# METADATA
# title: Kubernetes containers do not run privileged or escalate privileges
# description: |
#   No container (init and ephemeral containers included) sets
#   securityContext.privileged: true, which gives it every capability and
#   the host's devices, and every container sets allowPrivilegeEscalation:
#   false, so no process in it can gain more privileges than its parent
#   (setuid binaries, file capabilities). These are the Pod Security
#   Standards "baseline" and "restricted" rules for the two fields (CIS
#   Kubernetes Benchmark v1.10.0 5.2.2 and 5.2.6). allowPrivilegeEscalation
#   defaults to true: a container whose securityContext, or the field in
#   it, is absent or null is a finding. Checked on every workload kind
#   through its pod spec.
# custom:
#   controls: ["8.2", "8.18"]
#   severity: high
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
#     Remove privileged: true and set securityContext.allowPrivilegeEscalation:
#     false on every container. If a container needs one host ability, grant
#     that single capability instead; node-level agents that truly need
#     privilege belong in a dedicated, tightly controlled namespace.
package annexa.controls.c8_2.k8s_privileged

import data.annexa.lib.k8s

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	k8s.container_security(c, "privileged") == true
	finding := {
		"msg": sprintf("%s runs privileged", [k8s.container_label(w, c)]),
		"resource": w.id,
		"details": k8s.container_details(c),
	}
}

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	not escalation_blocked(c)
	finding := {
		"msg": sprintf("%s does not set allowPrivilegeEscalation: false", [k8s.container_label(w, c)]),
		"resource": w.id,
		"severity": "medium",
		"details": k8s.container_details(c),
	}
}

escalation_blocked(c) if k8s.container_security(c, "allowPrivilegeEscalation") == false

# judged are the workloads with a container.
judged := k8s.with_containers
