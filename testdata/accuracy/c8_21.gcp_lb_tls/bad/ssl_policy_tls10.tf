provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_ssl_policy" "legacy" {
  name = "legacy"
  profile = "COMPATIBLE"
  min_tls_version = "TLS_1_0"
}
