# METADATA
# title: GKE clusters send their logs to Cloud Logging
# description: |
#   A GKE cluster with logging_service = "none" writes no system or workload
#   logs to Cloud Logging, so events on its nodes and in its workloads
#   cannot be investigated. Neither does one asking for the legacy Cloud
#   Logging service (logging_service = "logging.googleapis.com"), which GKE
#   no longer offers from version 1.15. The Kubernetes-native service,
#   logging.googleapis.com/kubernetes, the default, passes.
# custom:
#   controls: ["8.15"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:google_container_cluster"]
#   remediation: |
#     Remove logging_service = "none" or "logging.googleapis.com" (or set
#     "logging.googleapis.com/kubernetes") and keep logging_config {
#     enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"] }.
package annexa.controls.c8_15.gcp_gke_logging

import data.annexa.lib.tf

deny contains finding if {
	some c in tf.resources("google_container_cluster")
	c.attributes.logging_service == "none"
	finding := {"msg": "GKE cluster has logging switched off (logging_service is none)", "resource": c.id}
}

deny contains finding if {
	some c in tf.resources("google_container_cluster")
	c.attributes.logging_service == "logging.googleapis.com"
	finding := {
		"msg": "GKE cluster asks for the legacy Cloud Logging service (logging_service is logging.googleapis.com), which GKE no longer offers from 1.15",
		"resource": c.id,
	}
}

# judged are the clusters whose logging service is known, or left out:
# the provider then takes logging.googleapis.com/kubernetes.
judged contains c.id if {
	some c in tf.resources("google_container_cluster")
	is_string(c.attributes.logging_service)
}

judged contains c.id if {
	some c in tf.resources("google_container_cluster")
	tf.omitted(c, "logging_service")
}
