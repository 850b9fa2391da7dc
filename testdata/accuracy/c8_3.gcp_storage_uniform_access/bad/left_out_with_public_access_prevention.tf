provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "logs" {
  name = "acme-corpus-logs"
  location = "EU"
  public_access_prevention = "enforced"
  storage_class = "NEARLINE"
}
