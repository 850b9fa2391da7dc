provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { owner = "platform" }
  }
}

resource "aws_kms_key" "k" {
  description         = "k"
  enable_key_rotation = true
  tags                = { Name = "k" }
}
