provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_firewall" "egress_all" {
  name = "egress-all"
  network = google_compute_network.vpc.name
  direction = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "all"
  }
}

resource "google_compute_firewall" "deny_ssh" {
  name = "deny-ssh"
  network = google_compute_network.vpc.name
  source_ranges = ["0.0.0.0/0"]
  deny {
    protocol = "tcp"
    ports = ["22"]
  }
}

resource "google_compute_firewall" "allow_web" {
  name = "allow-web"
  network = google_compute_network.vpc.name
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports = ["80", "443"]
  }
}
