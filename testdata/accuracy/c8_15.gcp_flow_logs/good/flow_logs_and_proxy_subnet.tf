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
    aggregation_interval = "INTERVAL_10_MIN"
    flow_sampling = 0.5
    metadata = "INCLUDE_ALL_METADATA"
  }
}

resource "google_compute_subnetwork" "proxy" {
  name = "proxy"
  ip_cidr_range = "10.30.0.0/23"
  region = "europe-west1"
  network = google_compute_network.vpc.id
  purpose = "REGIONAL_MANAGED_PROXY"
  role = "ACTIVE"
}
