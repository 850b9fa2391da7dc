provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_managed_ssl_certificate" "web" {
  name = "web-cert"
  managed {
    domains = ["www.example.com"]
  }
}

resource "google_compute_url_map" "web" {
  name = "web"
  default_service = "projects/acme-corpus/global/backendServices/web"
}

resource "google_compute_ssl_policy" "web" {
  name = "web"
  profile = "RESTRICTED"
  min_tls_version = "TLS_1_2"
}

resource "google_compute_target_https_proxy" "web" {
  name = "web-proxy"
  url_map = google_compute_url_map.web.id
  ssl_certificates = [google_compute_managed_ssl_certificate.web.id]
  ssl_policy = google_compute_ssl_policy.web.id
}
