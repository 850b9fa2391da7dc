provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_sql_database_instance" "orders" {
  name = "orders"
  database_version = "POSTGRES_16"
  region = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    database_flags {
      name = "cloudsql.iam_authentication"
      value = "off"
    }
    password_validation_policy {
      enable_password_policy = true
      min_length = 14
      complexity = "COMPLEXITY_DEFAULT"
      disallow_username_substring = true
    }
  }
}
