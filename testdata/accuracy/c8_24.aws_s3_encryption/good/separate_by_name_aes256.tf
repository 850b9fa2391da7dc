resource "aws_s3_bucket" "data" {
  bucket = "acme-data-eu"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = "acme-data-eu"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
    bucket_key_enabled = true
  }
}
