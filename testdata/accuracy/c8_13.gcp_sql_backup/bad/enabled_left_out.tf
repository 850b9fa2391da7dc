provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_sql_database_instance" "cms" {
  name = "cms"
  database_version = "MYSQL_8_0"
  region = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      binary_log_enabled = true
      start_time = "01:00"
    }
  }
}
