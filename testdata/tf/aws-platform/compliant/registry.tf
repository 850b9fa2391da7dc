# --- Container images and their vulnerability scanning (8.8) -------------

locals {
  # Service repositories, by name under acme/.
  repositories = {
    "payments-api"  = { scan_on_push = true }
    "ledger-worker" = { scan_on_push = true }
  }
}

resource "aws_inspector2_enabler" "main" {
  account_ids    = [local.account_id]
  resource_types = ["EC2", "ECR"]
}

resource "aws_ecr_registry_scanning_configuration" "main" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "acme/*"
      filter_type = "WILDCARD"
    }
  }

  rule {
    scan_frequency = "SCAN_ON_PUSH"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "service" {
  for_each = local.repositories

  name                 = "acme/${each.key}"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = each.value.scan_on_push
  }

  encryption_configuration {
    encryption_type = "KMS"
  }

  tags = { Name = "acme/${each.key}" }
}

# The CI runner image relies on the registry's scanning rules.
resource "aws_ecr_repository" "ci_runner" {
  name                 = "tools/ci-runner"
  image_tag_mutability = "MUTABLE"
  tags                 = { Name = "tools/ci-runner" }
}
