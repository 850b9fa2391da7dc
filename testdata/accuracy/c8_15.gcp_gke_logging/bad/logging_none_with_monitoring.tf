provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_container_cluster" "batch" {
  name = "batch"
  location = "europe-west1"
  initial_node_count = 1
  remove_default_node_pool = true
  logging_service = "none"
  monitoring_service = "monitoring.googleapis.com/kubernetes"
}
