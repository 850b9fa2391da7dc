resource "aws_s3_bucket" "site" {
  bucket = "acme-site-eu"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ["*"] }
      Action    = ["s3:GetObject", "s3:PutObject"]
      Resource  = "arn:aws:s3:::acme-site-eu/*"
      Condition = { Bool = { "aws:SecureTransport" = "true" } }
    }]
  })
}
