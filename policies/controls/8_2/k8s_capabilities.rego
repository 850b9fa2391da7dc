# METADATA
# title: Kubernetes containers add no dangerous Linux capabilities
# description: |
#   No container (init and ephemeral containers included) adds a Linux
#   capability beyond the Pod Security Standards "baseline" set (AUDIT_WRITE,
#   CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE,
#   SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). SYS_ADMIN, NET_ADMIN,
#   SYS_PTRACE, SYS_MODULE, NET_RAW, BPF, ALL and the like give a container
#   administrative power over the node or its network. Names are compared
#   without case and without a CAP_ prefix. A securityContext, capabilities
#   or add list that is absent or null adds nothing. Only added capabilities
#   are judged (Pod Security Standards baseline, CIS Kubernetes 5.2.9 for
#   the capabilities beyond that set); not dropping ALL or NET_RAW (the
#   restricted profile, CIS 5.2.8 and 5.2.10) is not checked.
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
#     Remove the capability from securityContext.capabilities.add and drop ALL;
#     add back only NET_BIND_SERVICE where a process must bind a port below
#     1024. Work needing SYS_ADMIN or NET_ADMIN belongs on the node or in a
#     reviewed, dedicated system component.
package annexa.controls.c8_2.k8s_capabilities

import data.annexa.lib.k8s

baseline := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	added := k8s.arr(object.get(k8s.obj(object.get(k8s.container_context(c), "capabilities", {})), "add", []))
	extra := {cap | some a in added; cap := normalize(a); not cap in baseline}
	count(extra) > 0
	names := sort(extra)
	finding := {
		"msg": sprintf("%s adds the capabilities %s", [k8s.container_label(w, c), concat(", ", names)]),
		"resource": w.id,
		"details": object.union(k8s.container_details(c), {"capabilities": names}),
	}
}

# normalize reads a capability name without case and CAP_ prefix; a value
# that is not a string (invalid, but YAML allows it) is judged by its text.
normalize(cap) := trim_prefix(upper(cap), "CAP_") if is_string(cap)

else := upper(sprintf("%v", [cap]))

# judged are the workloads with a container.
judged := k8s.with_containers
