output "config_bucket" {
  description = "Bucket AWS Config delivers snapshots and history to"
  value       = aws_s3_bucket.config.bucket
}

output "portal_db_endpoint" {
  description = "Endpoint of the developer portal database"
  value       = aws_db_instance.portal.endpoint
}
