provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_firewall" "allow_ssh" {
  name = "allow-ssh"
  network = google_compute_network.vpc.name
  direction = "INGRESS"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports = ["22"]
  }
}
