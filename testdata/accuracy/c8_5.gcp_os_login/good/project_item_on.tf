provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_project_metadata_item" "oslogin" {
  key = "enable-oslogin"
  value = "TRUE"
}

resource "google_compute_instance" "app" {
  name = "app"
  machine_type = "e2-small"
  zone = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
  metadata = {
    "block-project-ssh-keys" = "true"
  }
}
