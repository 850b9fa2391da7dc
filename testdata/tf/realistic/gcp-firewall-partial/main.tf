resource "google_compute_firewall" "rdp" {
  name          = "allow-rdp"
  network       = google_compute_network.vpc.self_link
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }
}
