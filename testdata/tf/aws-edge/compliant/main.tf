# acme-edge in eu-west-1: the internet-facing entry points of the account
# (load balancers, CloudFront, API Gateway domain names, search endpoints)
# and the controls in front of them (WAF, DNS Firewall). The Terraform
# source of the stack that testdata/plans/aws-edge-compliant.json plans;
# see ../../README.md. Each concern has its own file.

locals {
  name   = "acme-edge"
  domain = var.domain
  azs    = ["eu-west-1a", "eu-west-1b"]
}
