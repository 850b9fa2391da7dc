variable "volumes" {
  type = map(map(bool))
  default = {
    scratch = { encrypted = false }
    archive = {}
  }
}

resource "aws_ebs_volume" "v" {
  for_each          = var.volumes
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = lookup(each.value, "encrypted", null)
}
