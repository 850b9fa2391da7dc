# METADATA
# title: Every VPC has flow logs
# description: |
#   Each VPC has an aws_flow_log attached to it (by reference in the
#   configuration, or by the VPC id once known), so network activity can be
#   monitored and investigated.
# custom:
#   controls: ["8.16"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_vpc
#     - resource:aws_flow_log
#   remediation: |
#     Add an aws_flow_log with vpc_id = aws_vpc.<name>.id, traffic_type = "ALL"
#     and a CloudWatch Logs or S3 destination with a retention period.
package annexa.controls.c8_16.aws_vpc_flow_logs

import data.annexa.lib.tf

deny contains finding if {
	some vpc in tf.resources("aws_vpc")
	not has_flow_log(vpc)
	finding := {"msg": "VPC has no flow log", "resource": vpc.id}
}

# logged is what the flow logs point at, collected once.
logged := tf.pointed_at("aws_flow_log", "vpc_id")

has_flow_log(vpc) if {
	some k in tf.identities(vpc)
	k in logged
}

# judged are the VPCs, each of which needs a flow log.
judged := tf.ids(["aws_vpc"])
