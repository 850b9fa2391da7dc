resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0c55b159cbfafe1f0"
  block_device_mappings {
    device_name = "/dev/sdf"
    ebs {
      volume_size = 50
      volume_type = "gp3"
    }
  }
}
