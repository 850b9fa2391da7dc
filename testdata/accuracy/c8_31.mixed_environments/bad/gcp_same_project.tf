# annexa-accuracy: needs labels
# Production and development buckets in the same Google Cloud project.
provider "google" {
  project = "acme-shop"
  region  = "europe-west1"
}

resource "google_storage_bucket" "media" {
  name                        = "acme-shop-media"
  project                     = "acme-shop"
  location                    = "EU"
  uniform_bucket_level_access = true
  labels = {
    environment = "prod"
  }
}

resource "google_storage_bucket" "media_dev" {
  name                        = "acme-shop-media-dev"
  project                     = "acme-shop"
  location                    = "EU"
  uniform_bucket_level_access = true
  labels = {
    environment = "dev"
  }
}
