provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

# The organization policy constraint requires OS Login on every instance
# of the project, whatever their metadata says.
resource "google_project_organization_policy" "require_oslogin" {
  project    = "acme-corpus"
  constraint = "compute.requireOsLogin"

  boolean_policy {
    enforced = true
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
  metadata = {
    "block-project-ssh-keys" = "true"
  }
}
