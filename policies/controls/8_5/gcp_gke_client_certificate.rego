# METADATA
# title: GKE clusters issue no client certificates
# description: |
#   A GKE cluster created with master_auth.client_certificate_config.
#   issue_client_certificate = true hands out a client certificate that
#   authenticates to the Kubernetes API outside IAM, never expires with a
#   person's access and cannot be revoked without rotating the cluster's
#   credentials. People and workloads authenticate with Google identities
#   instead. A cluster that leaves master_auth out is judged compliant: GKE
#   has issued no client certificate by default since 1.12.
# custom:
#   controls: ["8.5"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:google_container_cluster"]
#   remediation: |
#     Set issue_client_certificate = false (or drop the
#     client_certificate_config block) and authenticate with gcloud
#     credentials (gke-gcloud-auth-plugin); the change recreates the cluster.
package annexa.controls.c8_5.gcp_gke_client_certificate

import data.annexa.lib.tf

deny contains finding if {
	some c in tf.resources("google_container_cluster")
	some auth in object.get(c.attributes, "master_auth", [])
	some cfg in object.get(auth, "client_certificate_config", [])
	cfg.issue_client_certificate == true
	finding := {
		"msg": "GKE cluster issues a client certificate that authenticates to the Kubernetes API outside IAM",
		"resource": c.id,
	}
}

# judged are the clusters whose master_auth blocks are known, or left out:
# GKE then issues no client certificate (the default since GKE 1.12).
judged contains c.id if {
	some c in tf.resources("google_container_cluster")
	is_array(c.attributes.master_auth)
}

judged contains c.id if {
	some c in tf.resources("google_container_cluster")
	tf.omitted(c, "master_auth")
}
