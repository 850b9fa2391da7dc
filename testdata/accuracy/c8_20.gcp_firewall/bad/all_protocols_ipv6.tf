provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_firewall" "allow_all_v6" {
  name = "allow-all-v6"
  network = google_compute_network.vpc.name
  source_ranges = ["::/0"]
  allow {
    protocol = "all"
  }
}
