provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

data "google_iam_policy" "public" {
  binding {
    role = "roles/storage.objectViewer"
    members = ["allUsers"]
  }
}

resource "google_storage_bucket" "media" {
  name = "acme-corpus-media"
  location = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_policy" "media" {
  bucket = google_storage_bucket.media.name
  policy_data = data.google_iam_policy.public.policy_data
}
