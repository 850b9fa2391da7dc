resource "aws_macie2_account" "this" {
  status = "PAUSED"
}
