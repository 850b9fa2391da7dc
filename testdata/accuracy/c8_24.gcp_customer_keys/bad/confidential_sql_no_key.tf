provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_sql_database_instance" "hr" {
  name = "hr"
  database_version = "POSTGRES_16"
  region = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    user_labels = {
      classification = "confidential"
    }
    ip_configuration {
      ipv4_enabled = false
      ssl_mode = "ENCRYPTED_ONLY"
      private_network = "projects/acme-corpus/global/networks/corpus-vpc"
    }
  }
}
