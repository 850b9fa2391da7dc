resource "aws_lb" "tcp" {
  name               = "tcp"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d"]
  access_logs {
    bucket  = "acme-elb-logs"
    enabled = false
  }
}
