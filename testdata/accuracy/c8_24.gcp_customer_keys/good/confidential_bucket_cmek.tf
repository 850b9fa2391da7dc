provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_kms_key_ring" "data" {
  name = "corpus-data"
  location = "europe-west1"
}

resource "google_kms_crypto_key" "data" {
  name = "corpus-data"
  key_ring = google_kms_key_ring.data.id
  rotation_period = "7776000s"
}

resource "google_storage_bucket" "payroll" {
  name = "acme-corpus-payroll"
  location = "EU"
  uniform_bucket_level_access = true
  labels = {
    classification = "confidential"
  }
  encryption {
    default_kms_key_name = google_kms_crypto_key.data.id
  }
}
