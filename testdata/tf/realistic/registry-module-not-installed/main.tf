module "db_sg" {
  source  = "example-org/security-group/aws"
  version = "1.2.0"

  ingress_cidr = "0.0.0.0/0"
  port         = 3306
}
