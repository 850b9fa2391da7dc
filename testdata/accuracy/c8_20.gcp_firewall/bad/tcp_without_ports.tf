provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_firewall" "allow_tcp" {
  name = "allow-tcp"
  network = google_compute_network.vpc.name
  source_ranges = ["10.0.0.0/8", "0.0.0.0/0"]
  allow {
    protocol = "tcp"
  }
}
