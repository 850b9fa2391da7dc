# A cluster definition copied from an old module still asks for the legacy
# Cloud Logging service. GKE stopped offering it in 1.15, so the cluster's
# system and workload logs do not reach Cloud Logging as intended.
# annexa-accuracy: needs logging_service

provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_container_cluster" "reports" {
  name                     = "reports"
  location                 = "europe-west1"
  initial_node_count       = 1
  remove_default_node_pool = true
  logging_service          = "logging.googleapis.com"
  monitoring_service       = "monitoring.googleapis.com/kubernetes"
}
