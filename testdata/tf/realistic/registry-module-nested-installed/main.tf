module "app" {
  source  = "example-org/app/aws"
  version = "3.0.0"
}
