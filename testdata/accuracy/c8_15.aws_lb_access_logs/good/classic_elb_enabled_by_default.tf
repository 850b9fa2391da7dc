resource "aws_elb" "legacy" {
  name               = "legacy"
  availability_zones = ["eu-west-1a"]
  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 443
    lb_protocol       = "https"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d"
  }
  access_logs {
    bucket   = "acme-elb-logs"
    interval = 60
  }
}
