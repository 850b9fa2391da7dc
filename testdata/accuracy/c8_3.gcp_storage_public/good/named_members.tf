provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "data" {
  name = "acme-corpus-data"
  location = "EU"
  uniform_bucket_level_access = true
  public_access_prevention = "enforced"
}

resource "google_storage_bucket_iam_member" "etl" {
  bucket = google_storage_bucket.data.name
  role = "roles/storage.objectAdmin"
  member = "serviceAccount:etl@acme-corpus.iam.gserviceaccount.com"
}

resource "google_storage_bucket_iam_binding" "readers" {
  bucket = google_storage_bucket.data.name
  role = "roles/storage.objectViewer"
  members = ["group:analysts@example.com"]
}
