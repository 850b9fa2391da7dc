provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_firewall_policy" "org" {
  parent = "organizations/123456789012"
  short_name = "org-base"
}

resource "google_compute_firewall_policy_rule" "any" {
  firewall_policy = google_compute_firewall_policy.org.id
  priority = 100
  action = "allow"
  direction = "INGRESS"
  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "all"
    }
  }
}
