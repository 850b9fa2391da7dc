resource "aws_s3_bucket" "shared" {
  bucket = "shared-source-arn"
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
      Resource  = "arn:aws:s3:::shared-source-arn/*"
      Condition = {
        ArnLike = { "aws:SourceArn" = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main" }
      }
    }]
  })
}
