package annexa.controls.c8_9.k8s_image_pinning_test

import data.annexa.controls.c8_9.k8s_image_pinning as check
import data.annexa.lib.testing

pod(images) := testing.facts([testing.workload("Deployment", "payments", "api", {"containers": [{"name": sprintf("c%d", [i]), "image": img} |
	some i, img in images
]})])

test_pass_digests if {
	images := [
		"ghcr.io/acme/api@sha256:9f2c0d0d4c1f5a0e8b7d6c5b4a3928170f6e5d4c3b2a19080706050403020100",
		"registry.acme.example:5000/ledger:1.4.2@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
	]
	count(check.deny) == 0 with data.facts as pod(images)
}

test_fail_latest_and_untagged if {
	findings := check.deny with data.facts as pod(["acme/api:latest", "registry.acme.example:5000/ledger"])
	{[f.details.image, f.severity] | some f in findings} == {["acme/api:latest", "medium"], ["registry.acme.example:5000/ledger", "medium"]}
}

test_fail_tag_only if {
	findings := check.deny with data.facts as pod(["postgres:16.4"])
	findings == {{
		"msg": `Deployment payments/api: container "c0" image postgres:16.4 is not pinned by digest`,
		"resource": "Deployment/payments/api",
		"severity": "low",
		"details": {"container": "c0", "container_type": "container", "image": "postgres:16.4"},
	}}
}

test_fail_init_container if {
	facts := testing.facts([testing.workload("Job", "payments", "migrate", {"initContainers": [{"name": "wait", "image": "busybox"}]})])
	findings := check.deny with data.facts as facts
	some f in findings
	f.details.container_type == "init container"
}

test_pass_judges_workloads_with_images if {
	check.judged == {"Deployment/payments/api"} with data.facts as pod(["postgres:16.4"])
	count(check.judged) == 0 with data.facts as testing.facts([testing.workload("Deployment", "payments", "api", {"containers": [{"name": "x"}]})])
}
