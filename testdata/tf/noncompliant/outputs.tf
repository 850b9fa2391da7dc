output "db_endpoint" {
  description = "Writer endpoint of the payments database"
  value       = module.db.endpoint
}

output "uploads_bucket" {
  description = "Name of the uploads bucket"
  value       = aws_s3_bucket.uploads.bucket
}
