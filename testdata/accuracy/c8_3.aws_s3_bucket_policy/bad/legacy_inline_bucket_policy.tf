resource "aws_s3_bucket" "site" {
  bucket = "acme-site-eu"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "arn:aws:s3:::acme-site-eu/*"}
      ]
    }
  JSON
}
