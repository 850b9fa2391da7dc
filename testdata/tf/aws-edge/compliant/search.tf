# --- OpenSearch domains (8.21) -------------------------------------------

resource "aws_security_group" "search" {
  name        = "${local.name}-search"
  description = "HTTPS to the search domains from inside the VPC"
  vpc_id      = data.aws_vpc.shared.id

  ingress {
    description = "HTTPS from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [data.aws_vpc.shared.cidr_block]
  }

  tags = { Name = "${local.name}-search" }
}

# Product search behind the storefront API.
resource "aws_opensearch_domain" "catalog" {
  domain_name    = "${local.name}-catalog"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 2
    zone_awareness_enabled = true

    zone_awareness_config {
      availability_zone_count = 2
    }
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 100
    volume_type = "gp3"
  }

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }

  vpc_options {
    subnet_ids         = data.aws_subnets.private.ids
    security_group_ids = [aws_security_group.search.id]
  }

  tags = { Name = "${local.name}-catalog" }
}

# Log search for the support team.
resource "aws_opensearch_domain" "logs" {
  domain_name    = "${local.name}-logs"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 2
    zone_awareness_enabled = true

    zone_awareness_config {
      availability_zone_count = 2
    }
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 200
    volume_type = "gp3"
  }

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }

  vpc_options {
    subnet_ids         = data.aws_subnets.private.ids
    security_group_ids = [aws_security_group.search.id]
  }

  tags = { Name = "${local.name}-logs" }
}
