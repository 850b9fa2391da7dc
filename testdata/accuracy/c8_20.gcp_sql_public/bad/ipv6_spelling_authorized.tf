provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}

resource "google_sql_database_instance" "crm" {
  name = "crm"
  database_version = "MYSQL_8_0"
  region = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true
      private_network = google_compute_network.vpc.id
      authorized_networks {
        name = "v6"
        value = "0::/0"
      }
      authorized_networks {
        name = "office"
        value = "203.0.113.0/24"
      }
    }
  }
}
