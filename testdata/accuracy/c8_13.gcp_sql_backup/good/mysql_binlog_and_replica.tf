provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_sql_database_instance" "shop" {
  name = "shop"
  database_version = "MYSQL_8_0"
  region = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = true
      binary_log_enabled = true
      backup_retention_settings {
        retained_backups = 7
      }
    }
  }
}

resource "google_sql_database_instance" "shop_replica" {
  name = "shop-replica"
  database_version = "MYSQL_8_0"
  region = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
  }
  master_instance_name = google_sql_database_instance.shop.name
}
