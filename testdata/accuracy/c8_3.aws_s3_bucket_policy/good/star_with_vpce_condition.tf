resource "aws_s3_bucket" "site" {
  bucket = "acme-site-eu"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "FromOurEndpoint"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = ["arn:aws:s3:::acme-site-eu", "arn:aws:s3:::acme-site-eu/*"]
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d" } }
    }]
  })
}
