module "keys" {
  source = "./modules/keys"
}
