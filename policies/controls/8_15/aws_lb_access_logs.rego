# METADATA
# title: Load balancers write access logs
# description: |
#   Application and network load balancers (aws_lb, aws_alb) and Classic
#   Load Balancers (aws_elb) record the requests they serve in access logs
#   in S3, for investigation and monitoring (AWS Foundational Security Best
#   Practices ELB.5; not a CIS AWS Foundations recommendation). An
#   access_logs block that is left out, or whose enabled is false, is a
#   finding; enabled left out is false for aws_lb (the provider's default,
#   even with a bucket) and true for aws_elb. Gateway load balancers, which
#   have no access logs, are not judged, nor is a setting only known after
#   apply.
# custom:
#   controls: ["8.15"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_lb
#     - resource:aws_alb
#     - resource:aws_elb
#   remediation: |
#     Add access_logs { bucket = <log bucket>, enabled = true } (the bucket
#     policy must let the region's ELB account or the logdelivery service
#     write to it).
package annexa.controls.c8_15.aws_lb_access_logs

import data.annexa.lib.tf

# enabled_default is what enabled is when left out of the access_logs
# block, per resource type.
enabled_default := {"aws_lb": false, "aws_alb": false, "aws_elb": true}

deny contains finding if {
	some t, _ in enabled_default
	some lb in tf.resources(t)
	applicable(lb)
	v := verdict(t, lb)
	v != "on"
	finding := {
		"msg": sprintf("load balancer %s %s", [tf.display_name(lb), msg[v]]),
		"resource": lb.id,
	}
}

msg := {
	"left_out": "writes no access logs (no access_logs block)",
	"off": "writes no access logs (access_logs enabled is false or left out)",
}

applicable(lb) if object.get(lb.attributes, "load_balancer_type", "application") != "gateway"

verdict(t, lb) := "left_out" if {
	count(blocks(lb)) == 0
	not tf.is_unknown(lb, "access_logs")
	not tf.written(lb, "access_logs")
} else := "on" if {
	some b in blocks(lb)
	enabled(t, lb, b) == true
} else := "off" if {
	count(blocks(lb)) > 0
	every b in blocks(lb) {
		enabled(t, lb, b) == false
	}
}

blocks(lb) := [b | some b in object.get(lb.attributes, "access_logs", []); is_object(b)]

enabled(t, lb, b) := b.enabled if {
	is_string(t)
	is_object(lb)
	is_boolean(b.enabled)
} else := enabled_default[t] if {
	object.get(b, "enabled", null) == null
	count(object.get(lb, ["references", "access_logs.enabled"], [])) == 0
	not tf.is_unknown(lb, "access_logs.0.enabled")
}

# judged are the load balancers whose access logging is decided.
judged contains lb.id if {
	some t, _ in enabled_default
	some lb in tf.resources(t)
	applicable(lb)
	verdict(t, lb)
}
