resource "aws_instance" "db" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "m6i.large"
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 200
    encrypted   = false
  }
}
