provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "reports" {
  name = "acme-corpus-reports"
  location = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_binding" "viewers" {
  bucket = google_storage_bucket.reports.name
  role = "roles/storage.objectViewer"
  members = ["group:analysts@example.com", "allAuthenticatedUsers"]
}
