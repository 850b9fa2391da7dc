# METADATA
# title: Kubernetes pods do not share the host's namespaces or file system
# description: |
#   No pod sets hostNetwork, hostPID or hostIPC to true (which lets its
#   containers see and reach the node's network stack, processes or shared
#   memory) or mounts a hostPath volume (the node's file system: its
#   credentials, container runtime socket and logs), no container binds a
#   hostPort (which reaches the pod past NetworkPolicies, on every node
#   address) and none runs as a Windows HostProcess container. These are
#   Pod Security Standards "baseline" rules and CIS Kubernetes Benchmark
#   v1.10.0 5.2.3-5.2.5 and 5.2.11-5.2.13; checked on every workload kind.
#   Absent or null fields (hostNetwork, volumes, ports) are the Kubernetes
#   default: not shared.
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
#     Remove hostNetwork, hostPID, hostIPC, hostPort and hostProcess. Replace hostPath volumes with
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
	some raw in k8s.spec_list(w, "volumes")
	v := k8s.obj(raw)
	is_object(v.hostPath)
	path := object.get(v.hostPath, "path", "")
	finding := {
		"msg": sprintf("%s mounts the node's path %s (hostPath volume %q)", [k8s.label(w), path, object.get(v, "name", "")]),
		"resource": w.id,
		"details": {"volume": object.get(v, "name", ""), "path": path},
	}
}

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	some raw in k8s.arr(object.get(c.container, "ports", []))
	port := k8s.obj(raw)
	host_port(port)
	finding := {
		"msg": sprintf("%s binds the node's port %v (hostPort)", [k8s.container_label(w, c), port.hostPort]),
		"resource": w.id,
		"details": object.union(k8s.container_details(c), {"host_port": port.hostPort}),
	}
}

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	host_process(w, c)
	finding := {
		"msg": sprintf("%s runs as a Windows HostProcess container", [k8s.container_label(w, c)]),
		"resource": w.id,
		"details": k8s.container_details(c),
	}
}

# host_port is true when a port binds the node's port: any hostPort but
# 0, which means none (a string is taken as set).
host_port(port) if {
	port.hostPort != null
	port.hostPort != 0
}

# host_process is true when the container's windowsOptions.hostProcess,
# else the pod's, is true.
host_process(_, c) if windows_host_process(k8s.container_context(c)) == true

host_process(w, c) if {
	windows_host_process(k8s.container_context(c)) == null
	windows_host_process(k8s.pod_security(w)) == true
}

windows_host_process(context) := object.get(k8s.obj(object.get(context, "windowsOptions", {})), "hostProcess", null)

# judged are the workloads, whose pod specs it checks.
judged := k8s.workload_ids
