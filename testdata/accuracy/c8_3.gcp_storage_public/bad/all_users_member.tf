provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "site" {
  name = "acme-corpus-site"
  location = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.site.name
  role = "roles/storage.objectViewer"
  member = "allUsers"
}
