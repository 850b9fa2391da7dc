resource "aws_s3_bucket" "shared" {
  bucket = "shared-source-vpc"
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Scoped"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:PutObject"]
      Resource  = "arn:aws:s3:::shared-source-vpc/*"
      Condition = {
        StringEquals = { "aws:SourceVpc" = "vpc-0a1b2c3d" }
      }
    }]
  })
}
