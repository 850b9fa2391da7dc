provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

# annexa-accuracy: needs project, metadata
# OS Login is turned on for another project only; the template's project
# keeps the default (off) and its metadata does not set enable-oslogin.
resource "google_compute_project_metadata_item" "sandbox_oslogin" {
  project = "acme-sandbox"
  key     = "enable-oslogin"
  value   = "TRUE"
}

resource "google_compute_instance_template" "workers" {
  project      = "acme-corpus"
  name_prefix  = "workers-"
  machine_type = "e2-small"
  disk {
    source_image = "debian-cloud/debian-12"
  }
  network_interface {
    network = "default"
  }
  metadata = {
    "block-project-ssh-keys" = "true"
  }
}
