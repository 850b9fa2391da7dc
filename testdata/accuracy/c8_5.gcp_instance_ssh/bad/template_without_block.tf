provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_instance_template" "app" {
  name = "app-template"
  machine_type = "e2-small"
  disk {
    source_image = "debian-cloud/debian-12"
  }
  network_interface {
    network = "default"
  }
  metadata = {
    "startup-script" = "echo hello"
  }
}
