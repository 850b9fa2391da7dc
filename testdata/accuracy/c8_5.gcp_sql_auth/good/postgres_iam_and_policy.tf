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
    database_flags {
      name = "cloudsql.iam_authentication"
      value = "on"
    }
    password_validation_policy {
      enable_password_policy = true
      min_length = 14
      complexity = "COMPLEXITY_DEFAULT"
      disallow_username_substring = true
    }
  }
}
