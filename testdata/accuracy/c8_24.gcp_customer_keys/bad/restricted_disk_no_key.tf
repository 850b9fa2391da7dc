provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_disk" "ledger" {
  name = "ledger-data"
  zone = "europe-west1-b"
  size = 100
  type = "pd-ssd"
  labels = {
    data_classification = "restricted"
  }
}
