variable "trail_key" {
  type    = string
  default = null
}

resource "aws_cloudtrail" "main" {
  name           = "org-trail"
  s3_bucket_name = "acme-cloudtrail-eu"
  kms_key_id     = var.trail_key
}
