# --- Load balancers and their listeners (8.15, 8.21, 8.26) ---------------

resource "aws_security_group" "alb" {
  name        = "${local.name}-alb"
  description = "HTTP and HTTPS from the internet"
  vpc_id      = aws_vpc.edge.id

  ingress {
    description      = "HTTPS"
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  ingress {
    description      = "HTTP"
    from_port        = 80
    to_port          = 80
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }

  egress {
    description = "To the targets"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = { Name = "${local.name}-alb" }
}

# The customer-facing site and API.
resource "aws_lb" "public" {
  name                       = "${local.name}-public"
  internal                   = false
  load_balancer_type         = "application"
  security_groups            = [aws_security_group.alb.id]
  subnets                    = aws_subnet.public[*].id
  drop_invalid_header_fields = true
  enable_deletion_protection = true

  access_logs {
    bucket  = var.access_logs_bucket
    prefix  = "public"
    enabled = true
  }

  tags = { Name = "${local.name}-public" }
}

resource "aws_lb_target_group" "web" {
  name        = "${local.name}-web"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.edge.id

  health_check {
    path    = "/healthz"
    matcher = "200"
  }

  tags = { Name = "${local.name}-web" }
}

# Serves the site over plain HTTP as well as HTTPS.
resource "aws_lb_listener" "public_http" {
  load_balancer_arn = aws_lb.public.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "public_https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08" # kept for old browsers
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# The API that payment partners call. Internet-facing: internal is left
# out and defaults to false.
resource "aws_lb" "partner" {
  name               = "${local.name}-partner"
  load_balancer_type = "application"
  security_groups    = [aws_security_group.alb.id]
  subnets            = aws_subnet.public[*].id

  # enabled is left out: the provider's default, false, writes no logs
  # although a bucket is named.
  access_logs {
    bucket = var.access_logs_bucket
    prefix = "partner"
  }

  tags = { Name = "${local.name}-partner" }
}

resource "aws_lb_target_group" "partner_api" {
  name        = "${local.name}-partner-api"
  port        = 8443
  protocol    = "HTTPS"
  target_type = "ip"
  vpc_id      = aws_vpc.edge.id

  health_check {
    path     = "/healthz"
    protocol = "HTTPS"
  }

  tags = { Name = "${local.name}-partner-api" }
}

resource "aws_lb_listener" "partner_https" {
  load_balancer_arn = aws_lb.partner.arn
  port              = 443
  protocol          = "HTTPS"
  # No ssl_policy: AWS applies ELBSecurityPolicy-2016-08.
  certificate_arn = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.partner_api.arn
  }
}

# The ledger's gRPC endpoint for the other VPCs: an internal network load
# balancer that terminates TLS.
resource "aws_lb" "ledger" {
  name               = "${local.name}-ledger"
  internal           = true
  load_balancer_type = "network"
  subnets            = data.aws_subnets.private.ids

  access_logs {
    bucket  = var.access_logs_bucket
    prefix  = "ledger"
    enabled = true
  }

  tags = { Name = "${local.name}-ledger" }
}

resource "aws_lb_target_group" "ledger" {
  name        = "${local.name}-ledger"
  port        = 9443
  protocol    = "TLS"
  target_type = "ip"
  vpc_id      = data.aws_vpc.shared.id
  tags        = { Name = "${local.name}-ledger" }
}

resource "aws_lb_listener" "ledger_tls" {
  load_balancer_arn = aws_lb.ledger.arn
  port              = 443
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS-1-1-2017-01" # for a partner's legacy client
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ledger.arn
  }
}

# Internal tools, reached over the VPN only.
resource "aws_security_group" "tools" {
  name        = "${local.name}-tools"
  description = "HTTP and HTTPS from the corporate network"
  vpc_id      = data.aws_vpc.shared.id

  ingress {
    description = "HTTPS from the VPN"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.99.0.0/16"]
  }

  ingress {
    description = "HTTP from the VPN, redirected"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["10.99.0.0/16"]
  }

  tags = { Name = "${local.name}-tools" }
}

# No access_logs block: only staff on the VPN use the tools, so nobody
# asked for logs.
resource "aws_lb" "tools" {
  name               = "${local.name}-tools"
  internal           = true
  load_balancer_type = "application"
  security_groups    = [aws_security_group.tools.id]
  subnets            = data.aws_subnets.private.ids
  tags               = { Name = "${local.name}-tools" }
}

resource "aws_lb_listener" "tools_http" {
  load_balancer_arn = aws_lb.tools.arn
  port              = 80
  protocol          = "HTTP"

  # Moves users to the new host name. protocol and port are left out, so
  # the redirect keeps the request's own: plain HTTP on port 80.
  default_action {
    type = "redirect"

    redirect {
      host        = "tools.${local.domain}"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "tools_https" {
  load_balancer_arn = aws_lb.tools.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  # Listener rules of the tools' own stacks route to their target groups.
  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Not found"
      status_code  = "404"
    }
  }
}
