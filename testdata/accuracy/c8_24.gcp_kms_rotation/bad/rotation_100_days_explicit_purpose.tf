provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_kms_key_ring" "data" {
  name = "corpus-data"
  location = "europe-west1"
}

resource "google_kms_crypto_key" "backup" {
  name = "backup"
  key_ring = google_kms_key_ring.data.id
  purpose = "ENCRYPT_DECRYPT"
  rotation_period = "8640000s"
}
