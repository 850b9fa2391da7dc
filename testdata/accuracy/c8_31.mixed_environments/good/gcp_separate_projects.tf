# Production and development buckets in one configuration, but each in a
# Google Cloud project of its own: the development project is one no
# production resource uses.
provider "google" {
  project = "acme-shop-prod"
  region  = "europe-west1"
}

resource "google_storage_bucket" "media" {
  name                        = "acme-shop-media"
  project                     = "acme-shop-prod"
  location                    = "EU"
  uniform_bucket_level_access = true
  labels = {
    environment = "prod"
  }
}

resource "google_storage_bucket" "media_dev" {
  name                        = "acme-shop-media-dev"
  project                     = "acme-shop-dev"
  location                    = "EU"
  uniform_bucket_level_access = true
  labels = {
    environment = "dev"
  }
}
