provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_container_cluster" "data" {
  name = "data"
  location = "europe-west1"
  initial_node_count = 1
  remove_default_node_pool = true
  logging_service = "logging.googleapis.com/kubernetes"
  logging_config {
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
  }
}
