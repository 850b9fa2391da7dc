provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "tmp" {
  name = "acme-corpus-tmp"
  location = "EU"
  soft_delete_policy {
    retention_duration_seconds = 0
  }
  lifecycle_rule {
    action {
      type = "Delete"
    }
    condition {
      age = 7
    }
  }
}
