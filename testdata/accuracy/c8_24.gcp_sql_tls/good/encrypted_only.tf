provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}

resource "google_sql_database_instance" "ledger" {
  name = "ledger"
  database_version = "POSTGRES_16"
  region = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = false
      private_network = google_compute_network.vpc.id
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}
