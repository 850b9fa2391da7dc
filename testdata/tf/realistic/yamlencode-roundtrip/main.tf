locals {
  doc      = yamlencode({ retention = 3, encrypted = true })
  settings = yamldecode(local.doc)
}

resource "aws_db_instance" "db" {
  identifier              = "reports"
  engine                  = "mysql"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  max_allocated_storage   = 50
  storage_encrypted       = local.settings.encrypted
  backup_retention_period = local.settings.retention
  multi_az                = true
}
