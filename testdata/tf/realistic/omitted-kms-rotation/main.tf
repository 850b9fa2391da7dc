resource "aws_kms_key" "k" {
  description = "application data"
}
