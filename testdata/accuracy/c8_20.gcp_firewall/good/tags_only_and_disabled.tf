provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_firewall" "db_from_app" {
  name = "db-from-app"
  network = google_compute_network.vpc.name
  source_tags = ["app"]
  allow {
    protocol = "tcp"
    ports = ["5432"]
  }
}

resource "google_compute_firewall" "old_ssh" {
  name = "old-ssh"
  network = google_compute_network.vpc.name
  disabled = true
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports = ["22"]
  }
}
