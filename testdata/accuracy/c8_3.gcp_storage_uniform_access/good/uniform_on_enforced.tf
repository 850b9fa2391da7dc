provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "secure" {
  name = "acme-corpus-secure"
  location = "EU"
  uniform_bucket_level_access = true
  public_access_prevention = "enforced"
  versioning {
    enabled = true
  }
}
