provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "payroll" {
  name = "acme-corpus-payroll"
  location = "EU"
  uniform_bucket_level_access = true
  labels = {
    classification = "confidential"
  }
}
