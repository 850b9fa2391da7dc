provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_project_metadata_item" "oslogin" {
  key = "enable-oslogin"
  value = "FALSE"
}
