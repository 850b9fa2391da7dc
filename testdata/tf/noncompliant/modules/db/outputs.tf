output "endpoint" {
  value = aws_db_instance.main.endpoint
}

output "arn" {
  value = aws_db_instance.main.arn
}
