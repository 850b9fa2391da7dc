# The port 80 listener builds its default action with a dynamic block; the
# action it builds redirects every request to HTTPS.

locals {
  http_actions = [{ type = "redirect" }]
}

resource "aws_lb" "shop" {
  name               = "shop-public"
  internal           = false
  load_balancer_type = "application"
  subnets            = ["subnet-0a11", "subnet-0b22"]
}

resource "aws_lb_listener" "plain" {
  load_balancer_arn = aws_lb.shop.arn
  port              = 80
  protocol          = "HTTP"

  dynamic "default_action" {
    for_each = local.http_actions
    content {
      type = default_action.value.type
      redirect {
        protocol    = "HTTPS"
        port        = "443"
        status_code = "HTTP_301"
      }
    }
  }
}
