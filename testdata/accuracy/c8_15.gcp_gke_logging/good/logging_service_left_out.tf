# No logging_service is written: the provider then uses the
# Kubernetes-native Cloud Logging service, which collects system and
# workload logs.

provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_container_cluster" "reports" {
  name                     = "reports"
  location                 = "europe-west1"
  initial_node_count       = 1
  remove_default_node_pool = true
}
