# A port 80 listener on an internet-facing application load balancer with
# no default action written: nothing sends its visitors to HTTPS, so the
# listener answers in clear text. (The provider insists on a default action;
# a module that forgets it still must not pass.)
# annexa-accuracy: needs protocol

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
}
