# Anyone may read, but only through VPC endpoints owned by the company's
# network account, so requests from the internet are refused.

resource "aws_s3_bucket" "artifacts" {
  bucket = "acme-build-artifacts"
}

resource "aws_s3_bucket_policy" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ThroughOurEndpoints"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-build-artifacts/*"
      Condition = {
        StringEquals = { "aws:VpceAccount" = "210987654321" }
      }
    }]
  })
}
