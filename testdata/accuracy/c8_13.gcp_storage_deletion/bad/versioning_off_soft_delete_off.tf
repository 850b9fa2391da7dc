provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "exports" {
  name = "acme-corpus-exports"
  location = "EU"
  uniform_bucket_level_access = true
  versioning {
    enabled = false
  }
  soft_delete_policy {
    retention_duration_seconds = 0
  }
}
