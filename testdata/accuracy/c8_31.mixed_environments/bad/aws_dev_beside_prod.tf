# annexa-accuracy: needs tags
# One configuration deploys the production order database and a developer
# sandbox instance: whoever can apply the sandbox can change production.
resource "aws_db_instance" "orders" {
  identifier          = "orders-prod"
  engine              = "postgres"
  engine_version      = "16.4"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  username            = "orders"
  password            = var.db_password
  storage_encrypted   = true
  skip_final_snapshot = false

  tags = {
    Name        = "orders"
    Environment = "prod"
  }
}

resource "aws_instance" "sandbox" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  tags = {
    Name        = "sandbox"
    Environment = "Dev"
  }
}

variable "db_password" {
  type      = string
  sensitive = true
}
