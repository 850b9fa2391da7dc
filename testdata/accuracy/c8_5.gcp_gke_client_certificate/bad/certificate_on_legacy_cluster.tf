provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_container_cluster" "legacy" {
  name = "legacy"
  location = "europe-west1"
  initial_node_count = 1
  remove_default_node_pool = true
  min_master_version = "1.27"
  master_auth {
    client_certificate_config {
      issue_client_certificate = true
    }
  }
}
