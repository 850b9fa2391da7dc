provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_sql_database_instance" "crm" {
  name = "crm"
  database_version = "MYSQL_8_0"
  region = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = true
      binary_log_enabled = true
      backup_retention_settings {
        retained_backups = 3
      }
    }
  }
}
