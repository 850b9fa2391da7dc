locals {
  rules = yamldecode(file("${path.module}/firewall.yaml"))
}

resource "google_compute_firewall" "fw" {
  for_each      = { for r in local.rules.rules : r.name => r }
  name          = each.key
  network       = "default"
  source_ranges = each.value.sources

  allow {
    protocol = "tcp"
    ports    = each.value.ports
  }
}
