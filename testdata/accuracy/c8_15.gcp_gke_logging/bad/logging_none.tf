provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_container_cluster" "apps" {
  name = "apps"
  location = "europe-west1"
  initial_node_count = 1
  remove_default_node_pool = true
  logging_service = "none"
}
