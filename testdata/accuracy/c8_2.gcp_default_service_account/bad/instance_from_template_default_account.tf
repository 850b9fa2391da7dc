# The template gives its instances a workload account, but the instance made
# from it overrides service_account with the Compute Engine default one.
# annexa-accuracy: needs service_account

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
  service_account {
    email  = "123456789012-compute@developer.gserviceaccount.com"
    scopes = ["storage-ro"]
  }
}
