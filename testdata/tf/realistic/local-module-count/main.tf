module "disk" {
  count     = 2
  source    = "./modules/disk"
  encrypted = false
}
