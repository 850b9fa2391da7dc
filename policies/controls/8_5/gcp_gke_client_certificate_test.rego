package annexa.controls.c8_5.gcp_gke_client_certificate_test

import data.annexa.controls.c8_5.gcp_gke_client_certificate as check
import data.annexa.lib.testing

cluster(issue) := testing.resource("google_container_cluster", "main", {"master_auth": [{"client_certificate_config": [{"issue_client_certificate": issue}]}]})

test_pass_no_client_certificate if {
	count(check.deny) == 0 with data.facts as testing.facts([cluster(false)])
}

test_pass_no_master_auth_block if {
	c := testing.resource("google_container_cluster", "main", {"master_auth": []})
	count(check.deny) == 0 with data.facts as testing.facts([c])
}

test_fail_client_certificate if {
	check.deny == {{
		"msg": "GKE cluster issues a client certificate that authenticates to the Kubernetes API outside IAM",
		"resource": "google_container_cluster.main",
	}} with data.facts as testing.facts([cluster(true)])
}

test_pass_judges_known_clusters if {
	check.judged == {"google_container_cluster.main"} with data.facts as testing.facts([cluster(false)])
	unknown := object.union(testing.resource("google_container_cluster", "main", {}), {"unknown": ["master_auth"]})
	count(check.judged) == 0 with data.facts as testing.facts([unknown])
}

test_pass_master_auth_left_out_judged if {
	# Left out, GKE issues no client certificate (master_auth is computed, so
	# unknown in a plan): judged, and compliant.
	c := object.union(testing.resource("google_container_cluster", "main", {"name": "apps"}), {"configured": ["name"], "unknown": ["master_auth"]})
	count(check.deny) == 0 with data.facts as testing.facts([c])
	check.judged == {"google_container_cluster.main"} with data.facts as testing.facts([c])
}
