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
    ip_configuration {
      ipv4_enabled = false
      private_network = "projects/acme-corpus/global/networks/corpus-vpc"
      ssl_mode = "SSL_MODE_UNSPECIFIED"
    }
  }
}
