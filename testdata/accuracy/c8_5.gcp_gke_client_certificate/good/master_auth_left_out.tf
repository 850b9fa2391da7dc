# The cluster says nothing about master_auth; GKE has issued no client
# certificate by default since 1.12, so API access goes through Google
# identities only.

provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_container_cluster" "payments" {
  name                     = "payments"
  location                 = "europe-west1"
  initial_node_count       = 1
  remove_default_node_pool = true
}
