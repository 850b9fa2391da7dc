provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "docs" {
  name = "acme-corpus-docs"
  location = "EU"
  uniform_bucket_level_access = true
  soft_delete_policy {
    retention_duration_seconds = 2592000
  }
}
