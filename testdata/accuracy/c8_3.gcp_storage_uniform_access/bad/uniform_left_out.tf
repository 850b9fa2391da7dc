provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "exports" {
  name = "acme-corpus-exports"
  location = "EU"
  versioning {
    enabled = true
  }
}
