module "logs" {
  source = "git::https://git.example.com/platform/modules.git//bucket?ref=v2.0.0"
  name   = "logs-example"
}
