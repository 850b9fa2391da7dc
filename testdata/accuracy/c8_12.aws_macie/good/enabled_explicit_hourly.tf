resource "aws_macie2_account" "this" {
  status                       = "ENABLED"
  finding_publishing_frequency = "ONE_HOUR"
}
