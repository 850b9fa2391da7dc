# The instance made from the template writes no service_account block, so it
# runs as the template's workload account (judged on the template).

provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_service_account" "batch" {
  account_id = "batch-runner"
}

resource "google_compute_instance_template" "batch" {
  name_prefix  = "batch-"
  machine_type = "e2-small"
  disk {
    source_image = "debian-cloud/debian-12"
  }
  network_interface {
    network = "default"
  }
  service_account {
    email  = google_service_account.batch.email
    scopes = ["cloud-platform"]
  }
}

resource "google_compute_instance_from_template" "nightly" {
  name                     = "batch-nightly"
  zone                     = "europe-west1-b"
  source_instance_template = google_compute_instance_template.batch.self_link_unique
}
