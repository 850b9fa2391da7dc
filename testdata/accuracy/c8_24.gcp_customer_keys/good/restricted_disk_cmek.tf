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

resource "google_compute_disk" "ledger" {
  name = "ledger-data"
  zone = "europe-west1-b"
  size = 100
  type = "pd-ssd"
  labels = {
    data_classification = "restricted"
  }
  disk_encryption_key {
    kms_key_self_link = google_kms_crypto_key.data.id
  }
}
