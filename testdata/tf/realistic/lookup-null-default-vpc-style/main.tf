variable "flow_log" {
  type    = map(string)
  default = {}
}

resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "this" {
  vpc_id               = aws_vpc.this.id
  traffic_type         = "ALL"
  log_destination_type = lookup(var.flow_log, "destination_type", null)
  log_destination      = lookup(var.flow_log, "destination_arn", null)
  max_aggregation_interval = lookup(var.flow_log, "interval", 600)
}
