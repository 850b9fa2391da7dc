# A multi-region trail that leaves out global service events (IAM, STS,
# CloudFront) misses the calls to those services.
# annexa-accuracy: needs include_global_service_events
resource "aws_cloudtrail" "org" {
  name                          = "org"
  s3_bucket_name                = "org-trail-logs"
  is_multi_region_trail         = true
  include_global_service_events = false
  enable_log_file_validation    = true
  cloud_watch_logs_group_arn    = "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*"
  cloud_watch_logs_role_arn     = "arn:aws:iam::111122223333:role/trail-to-logs"
}
