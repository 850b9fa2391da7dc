provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_project_metadata_item" "serial" {
  key = "serial-port-enable"
  value = "TRUE"
}
