provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "data" {
  name = "acme-corpus-data"
  location = "EU"
  uniform_bucket_level_access = true
}
