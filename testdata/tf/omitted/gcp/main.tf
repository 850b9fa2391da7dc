terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.12" }
  }
}

provider "google" {
  project = "acme-omitted"
  region  = "europe-west2"
}

# The omitted Google Cloud stack: each resource leaves out the arguments the
# built-in policies read, so that they take the provider's default or stay
# the provider's to decide. ../../../plans/omitted-gcp.json is its plan.

# No database flag, no password validation policy; backup_configuration and ip_configuration
# left out (Google's: backups off, unencrypted connections accepted) (8.5, 8.13, 8.24).
resource "google_sql_database_instance" "warehouse" {
  name             = "omitted-warehouse"
  database_version = "POSTGRES_16"
  region           = "europe-west2"
  settings {
    tier = "db-custom-2-7680"
  }
}

# versioning (off) and soft_delete_policy (Google's: 7 days) left out (8.13, 8.24).
resource "google_storage_bucket" "exports" {
  name     = "acme-omitted-exports"
  location = "EUROPE-WEST2"
}

# logging_service and master_auth left out: Google's (Cloud Logging, no client certificate) (8.5, 8.15).
resource "google_container_cluster" "main" {
  name               = "omitted-gke"
  location           = "europe-west2"
  initial_node_count = 1
}

# purpose (ENCRYPT_DECRYPT) and rotation_period (none) left out (8.24).
resource "google_kms_crypto_key" "data" {
  name     = "omitted-data"
  key_ring = "projects/acme-omitted/locations/europe-west2/keyRings/main"
}

# min_tls_version left out: TLS_1_0 (8.21).
resource "google_compute_ssl_policy" "web" {
  name = "omitted-web"
}

# ssl_policy left out: Google's default policy (8.21).
resource "google_compute_target_https_proxy" "web" {
  name             = "omitted-web"
  url_map          = "projects/acme-omitted/global/urlMaps/web"
  ssl_certificates = ["projects/acme-omitted/global/sslCertificates/web"]
}

# direction left out: Google's (INGRESS), unknown in a plan (8.20).
resource "google_compute_firewall" "ssh" {
  name          = "omitted-ssh"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

# metadata left out: OS Login as the project sets it (8.5, 8.24).
resource "google_compute_instance" "app" {
  name         = "omitted-app"
  machine_type = "e2-small"
  zone         = "europe-west2-a"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
}

# Only ADMIN_READ; exempted_members left out (8.15).
resource "google_project_iam_audit_config" "all" {
  project = "acme-omitted"
  service = "allServices"
  audit_log_config {
    log_type = "ADMIN_READ"
  }
}

# log_config (none: flow logs off) and purpose (PRIVATE) left out (8.15).
resource "google_compute_subnetwork" "app" {
  name          = "omitted-app"
  ip_cidr_range = "10.20.0.0/20"
  region        = "europe-west2"
  network       = "default"
}

# condition left out; the member is everyone (8.3).
resource "google_storage_bucket_iam_member" "public" {
  bucket = "acme-omitted-exports"
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}
