# Versioning is switched off, but no soft delete policy is written, so the
# bucket keeps deleted objects for the service's default of 7 days and they
# can still be restored.

provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_storage_bucket" "invoices" {
  name                        = "acme-corpus-invoices"
  location                    = "EU"
  uniform_bucket_level_access = true
  versioning {
    enabled = false
  }
}
