resource "aws_cloudtrail" "t" {
  name                       = "t"
  s3_bucket_name             = "t-example"
  is_multi_region_trail      = "false"
  enable_log_file_validation = true
}
