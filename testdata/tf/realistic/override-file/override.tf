resource "aws_ebs_volume" "v" {
  encrypted = false
}
