resource "aws_macie2_account" "this" {
  status                       = "PAUSED"
  finding_publishing_frequency = "SIX_HOURS"
}
