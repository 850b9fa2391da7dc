resource "aws_s3_bucket" "data" {
  bucket = "acme-data-eu"
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs-eu"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-logs-eu", "arn:aws:s3:::acme-logs-eu/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
