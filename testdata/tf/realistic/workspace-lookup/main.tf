locals {
  pitr = {
    default = false
    prod    = true
  }
}

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions-${terraform.workspace}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = local.pitr[terraform.workspace]
  }

  server_side_encryption {
    enabled = true
  }
}
