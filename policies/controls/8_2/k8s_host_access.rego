# METADATA
# title: Kubernetes pods do not share the host's namespaces or file system
# description: |
#   No pod sets hostNetwork, hostPID or hostIPC to true (which lets its
#   containers see and reach the node's network stack, processes or shared
#   memory) or mounts a hostPath volume (the node's file system: its
#   credentials, container runtime socket and logs). These are Pod Security
#   Standards "baseline" rules; checked on every workload kind.
# custom:
#   controls: ["8.2", "8.18"]
#   severity: high
#   coverage: partial
#   inputs:
#     - kubernetes:CronJob
#     - kubernetes:DaemonSet
#     - kubernetes:Deployment
#     - kubernetes:Job
#     - kubernetes:Pod
#     - kubernetes:PodTemplate
#     - kubernetes:ReplicaSet
#     - kubernetes:ReplicationController
#     - kubernetes:StatefulSet
#   remediation: |
#     Remove hostNetwork, hostPID and hostIPC. Replace hostPath volumes with
#     persistent volumes, configMaps, secrets or emptyDir; node agents that
#     must read the host belong in a dedicated namespace with a reviewed
#     exception.
package annexa.controls.c8_2.k8s_host_access

import data.annexa.lib.k8s

deny contains finding if {
	some w in k8s.workloads
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	w.attributes.pod_spec[field] == true
	finding := {
		"msg": sprintf("%s shares the node's namespace (%s: true)", [k8s.label(w), field]),
		"resource": w.id,
		"details": {"field": field},
	}
}

deny contains finding if {
	some w in k8s.workloads
	some v in object.get(w.attributes.pod_spec, "volumes", [])
	is_object(v.hostPath)
	path := object.get(v.hostPath, "path", "")
	finding := {
		"msg": sprintf("%s mounts the node's path %s (hostPath volume %q)", [k8s.label(w), path, object.get(v, "name", "")]),
		"resource": w.id,
		"details": {"volume": object.get(v, "name", ""), "path": path},
	}
}

# judged are the workloads, whose pod specs it checks.
judged := k8s.workload_ids
