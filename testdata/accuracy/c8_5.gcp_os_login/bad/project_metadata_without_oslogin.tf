# The platform team manages the project's metadata as a whole to turn the
# serial port off, and forgets enable-oslogin. google_compute_project_metadata
# replaces every project metadata key, so OS Login ends up off for the
# project.
# annexa-accuracy: needs metadata

provider "google" {
  project = "acme-corpus"
  region  = "europe-west1"
}

resource "google_compute_project_metadata" "shared" {
  metadata = {
    serial-port-enable = "FALSE"
  }
}
