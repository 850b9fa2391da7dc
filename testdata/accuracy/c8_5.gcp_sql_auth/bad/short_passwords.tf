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
    database_flags {
      name = "cloudsql_iam_authentication"
      value = "on"
    }
    password_validation_policy {
      enable_password_policy = true
      min_length = 8
      complexity = "COMPLEXITY_DEFAULT"
    }
  }
}
