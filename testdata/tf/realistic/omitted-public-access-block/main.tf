resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "data-example"
}
