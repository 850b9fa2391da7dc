variable "macie_status" {
  type    = string
  default = "PAUSED"
}

resource "aws_macie2_account" "this" {
  status = var.macie_status
}
