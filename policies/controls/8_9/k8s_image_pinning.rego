# METADATA
# title: Kubernetes container images are pinned by digest
# description: |
#   Every container image (init and ephemeral containers included) is
#   referenced by digest (image@sha256:...), so what runs is exactly what
#   was built, scanned and approved. An image with no tag or the tag latest
#   changes under the same manifest (medium); any other tag can be moved to
#   a different image by whoever can push to the registry (low).
# custom:
#   controls: ["8.9"]
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
#     Reference images by digest (registry/app:1.4.2@sha256:...); let your CI
#     or a tool such as Renovate update the digest through a reviewed change.
package annexa.controls.c8_9.k8s_image_pinning

import data.annexa.lib.k8s

deny contains finding if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	image := c.container.image
	is_string(image)
	not contains(image, "@")
	problem := tag_problem(tag(image))
	finding := {
		"msg": sprintf("%s image %s %s", [k8s.container_label(w, c), image, problem.what]),
		"resource": w.id,
		"severity": problem.severity,
		"details": object.union(k8s.container_details(c), {"image": image}),
	}
}

# tag is the image's tag, "" when it has none. A colon before the last
# slash belongs to a registry port (registry:5000/app).
tag(image) := t if {
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	t := split(last, ":")[1]
} else := ""

tag_problem("") := {"what": "has no tag, so it pulls whatever latest is", "severity": "medium"}

tag_problem("latest") := {"what": "uses the mutable tag latest", "severity": "medium"}

tag_problem(t) := {"what": "is not pinned by digest", "severity": "low"} if not t in {"", "latest"}

# judged are the workloads with a container whose image is named.
judged contains w.id if {
	some w in k8s.workloads
	some c in k8s.containers(w)
	is_string(c.container.image)
}
