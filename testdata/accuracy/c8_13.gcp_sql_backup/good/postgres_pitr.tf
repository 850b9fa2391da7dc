provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_sql_database_instance" "ledger" {
  name = "ledger"
  database_version = "POSTGRES_16"
  region = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = true
      point_in_time_recovery_enabled = true
      start_time = "02:00"
      backup_retention_settings {
        retained_backups = 14
      }
    }
  }
}
