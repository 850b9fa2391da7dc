provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "app" {
  name = "app"
  ip_cidr_range = "10.10.0.0/20"
  region = "europe-west1"
  network = google_compute_network.vpc.id
}
