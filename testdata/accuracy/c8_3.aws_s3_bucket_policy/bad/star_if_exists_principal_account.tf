# StringEqualsIfExists also matches a request without the key: an
# anonymous caller has no principal account, so the condition lets it in.
# annexa-accuracy: needs policy
resource "aws_s3_bucket" "b" {
  bucket = "b-numeric"
}

resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ["*"] }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::b-numeric/*"
      Condition = {
        "ForAnyValue:StringEqualsIfExists" = { "aws:PrincipalAccount" = [111122223333] }
      }
    }]
  })
}
