# METADATA
# title: Kubernetes containers have CPU and memory limits
# description: |
#   Every container and init container sets resources.limits.cpu and
#   resources.limits.memory. Without them one workload (a leak, a runaway
#   batch, a denial of service) can starve every other pod on its node; the
#   limits are part of the configuration baseline a workload is approved
#   with. Ephemeral containers cannot have resources and are not judged.
# custom:
#   controls: ["8.6", "8.9"]
#   severity: low
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
#     Set resources.limits.cpu and resources.limits.memory (and requests) on
#     every container, from measured usage; a LimitRange can give defaults to
#     a namespace.
package annexa.controls.c8_9.k8s_resource_limits

import data.annexa.lib.k8s

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	c.list != "ephemeralContainers"
	limits := object.get(c.container, ["resources", "limits"], {})
	missing := [r | some r in ["cpu", "memory"]; not limits[r]]
	count(missing) > 0
	finding := {
		"msg": sprintf("%s has no %s limit", [k8s.container_label(w, c), concat(" or ", missing)]),
		"resource": w.id,
		"details": object.union(k8s.container_details(c), {"missing": missing}),
	}
}

# judged are the workloads with a container or init container (ephemeral
# containers take no limits).
judged contains w.id if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	c.list != "ephemeralContainers"
}
