# acme-platform in eu-west-1: the shared platform services of the account
# (threat detection, configuration recording, image scanning, logs, and
# the data stores of the developer portal). The Terraform source of the
# stack that testdata/plans/aws-platform-compliant.json plans; see
# ../../README.md. Each concern has its own file.

locals {
  name       = "acme-platform"
  account_id = data.aws_caller_identity.current.account_id
}

data "aws_caller_identity" "current" {}
