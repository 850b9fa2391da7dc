provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_project_iam_audit_config" "all" {
  project = "acme-corpus"
  service = "allServices"
  audit_log_config {
    log_type = "ADMIN_READ"
  }
  audit_log_config {
    log_type = "DATA_READ"
  }
  audit_log_config {
    log_type = "DATA_WRITE"
  }
}
