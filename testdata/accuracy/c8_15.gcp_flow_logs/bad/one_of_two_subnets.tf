provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network" "vpc" {
  name = "corpus-vpc"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "web" {
  name = "web"
  ip_cidr_range = "10.10.0.0/20"
  region = "europe-west1"
  network = google_compute_network.vpc.id
  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling = 1
    metadata = "INCLUDE_ALL_METADATA"
  }
}

resource "google_compute_subnetwork" "batch" {
  name = "batch"
  ip_cidr_range = "10.20.0.0/20"
  region = "europe-west1"
  network = google_compute_network.vpc.id
}
