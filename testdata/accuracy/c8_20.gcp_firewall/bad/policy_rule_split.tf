provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_network_firewall_policy" "edge" {
  name = "edge-policy"
}

resource "google_compute_network_firewall_policy_rule" "ssh" {
  firewall_policy = google_compute_network_firewall_policy.edge.name
  priority = 1000
  action = "allow"
  direction = "INGRESS"
  match {
    src_ip_ranges = ["0.0.0.0/0"]
    layer4_configs {
      ip_protocol = "tcp"
      ports = ["22"]
    }
  }
}
