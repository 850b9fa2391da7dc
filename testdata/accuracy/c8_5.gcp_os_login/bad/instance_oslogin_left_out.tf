provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

# No metadata on the instance and no project metadata that turns OS Login
# on: Compute Engine leaves OS Login off, so metadata SSH keys are used.
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
