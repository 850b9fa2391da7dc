provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "legacy" {
  name = "acme-corpus-legacy"
  location = "EU"
  uniform_bucket_level_access = false
}
