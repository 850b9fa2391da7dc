data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_ebs_volume" "v" {
  count             = length(data.aws_availability_zones.available.names)
  availability_zone = data.aws_availability_zones.available.names[count.index]
  size              = 10
  encrypted         = false
}
