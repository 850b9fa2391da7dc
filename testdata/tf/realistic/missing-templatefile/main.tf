resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = templatefile("${path.module}/templates/cloud-init.yaml.tftpl", { env = "dev" })

  root_block_device {
    volume_size = 20
    encrypted   = false
  }
}
