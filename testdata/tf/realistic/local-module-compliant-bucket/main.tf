module "logs" {
  source = "./modules/bucket"
  name   = "logs-example"
}
