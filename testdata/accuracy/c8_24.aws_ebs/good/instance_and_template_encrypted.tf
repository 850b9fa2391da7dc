resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 20
    encrypted   = true
  }
}

resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0c55b159cbfafe1f0"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = true
    }
  }
}
