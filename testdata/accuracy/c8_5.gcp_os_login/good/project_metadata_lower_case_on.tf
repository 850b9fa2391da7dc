provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

# The value is case-insensitive: "true" turns OS Login on for the project,
# and the instance inherits it.
resource "google_compute_project_metadata" "default" {
  metadata = {
    "enable-oslogin" = "true"
  }
}

resource "google_compute_instance" "batch" {
  name         = "batch"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
}
