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
