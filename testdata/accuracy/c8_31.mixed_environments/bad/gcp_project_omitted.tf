# annexa-accuracy: needs labels
# Neither bucket names its project (the omitted variant): both go to the
# provider's project, so the test bucket is not in a project of its own.
provider "google" {
  project = "acme-shop"
  region  = "europe-west1"
}

resource "google_storage_bucket" "exports" {
  name                        = "acme-shop-exports"
  location                    = "EU"
  uniform_bucket_level_access = true
  labels = {
    env = "production"
  }
}

resource "google_storage_bucket" "exports_test" {
  name                        = "acme-shop-exports-test"
  location                    = "EU"
  uniform_bucket_level_access = true
  labels = {
    env = "test"
  }
}
