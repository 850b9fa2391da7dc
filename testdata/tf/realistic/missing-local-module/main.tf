module "network" {
  source = "./modules/network"
  cidr   = "10.0.0.0/16"
}

resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "trail-logs-example"
  is_multi_region_trail         = false
  enable_log_file_validation    = true
  include_global_service_events = true
}
