provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_sql_database_instance" "orders" {
  name = "orders"
  database_version = "POSTGRES_16"
  region = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = false
    }
    ip_configuration {
      ipv4_enabled = false
      private_network = google_compute_network.vpc.id
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}
