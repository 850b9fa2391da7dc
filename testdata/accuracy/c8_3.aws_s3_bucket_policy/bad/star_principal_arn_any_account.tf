# The statement looks restricted to IAM principals, but the ARN pattern
# leaves the account as a wildcard: a role in any AWS account matches, so
# the objects are open to anyone with an AWS account.
# annexa-accuracy: needs policy

resource "aws_s3_bucket" "exports" {
  bucket = "acme-partner-exports"
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PartnersRead"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-partner-exports/*"
      Condition = {
        ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::*:role/partner-reader" }
      }
    }]
  })
}
