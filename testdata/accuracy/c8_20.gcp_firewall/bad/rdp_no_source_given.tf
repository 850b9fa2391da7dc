provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_firewall" "allow_rdp" {
  name = "allow-rdp"
  network = google_compute_network.vpc.name
  allow {
    protocol = "tcp"
    ports = ["3389"]
  }
  target_tags = ["windows"]
}
