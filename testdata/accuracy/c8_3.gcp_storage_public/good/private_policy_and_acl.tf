provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "archive" {
  name = "acme-corpus-archive"
  location = "EU"
  uniform_bucket_level_access = false
}

resource "google_storage_bucket_iam_policy" "archive" {
  bucket = google_storage_bucket.archive.name
  policy_data = "{\"bindings\":[{\"members\":[\"group:records@example.com\"],\"role\":\"roles/storage.objectViewer\"}]}"
}

resource "google_storage_bucket_acl" "archive" {
  bucket = google_storage_bucket.archive.name
  predefined_acl = "projectPrivate"
}
