package annexa.controls.c8_15.gcp_gke_logging_test

import data.annexa.controls.c8_15.gcp_gke_logging as check
import data.annexa.lib.testing

test_pass_cloud_logging if {
	c := testing.resource("google_container_cluster", "main", {"logging_service": "logging.googleapis.com/kubernetes"})
	count(check.deny) == 0 with data.facts as testing.facts([c])
}

test_fail_logging_off if {
	c := testing.resource("google_container_cluster", "main", {"logging_service": "none"})
	check.deny == {{"msg": "GKE cluster has logging switched off (logging_service is none)", "resource": "google_container_cluster.main"}} with data.facts as testing.facts([c])
}

test_pass_judges_known_clusters if {
	c := testing.resource("google_container_cluster", "main", {"logging_service": "logging.googleapis.com/kubernetes"})
	check.judged == {"google_container_cluster.main"} with data.facts as testing.facts([c])
	u := object.union(testing.resource("google_container_cluster", "main", {}), {"unknown": ["logging_service"]})
	count(check.judged) == 0 with data.facts as testing.facts([u])
}

test_fail_legacy_logging_service if {
	c := testing.resource("google_container_cluster", "main", {"logging_service": "logging.googleapis.com"})
	check.deny == {{
		"msg": "GKE cluster asks for the legacy Cloud Logging service (logging_service is logging.googleapis.com), which GKE no longer offers from 1.15",
		"resource": "google_container_cluster.main",
	}} with data.facts as testing.facts([c])
}

test_pass_left_out_is_judged_default if {
	# Left out, the provider takes logging.googleapis.com/kubernetes (unknown
	# in a plan): judged, and compliant.
	c := object.union(testing.resource("google_container_cluster", "main", {"name": "apps"}), {"configured": ["name"], "unknown": ["logging_service"]})
	count(check.deny) == 0 with data.facts as testing.facts([c])
	check.judged == {"google_container_cluster.main"} with data.facts as testing.facts([c])
}
