provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "legacy" {
  name = "acme-corpus-legacy"
  location = "EU"
  uniform_bucket_level_access = false
}

resource "google_storage_bucket_acl" "legacy" {
  bucket = google_storage_bucket.legacy.name
  role_entity = ["OWNER:project-owners-123456789012", "READER:allUsers"]
}
