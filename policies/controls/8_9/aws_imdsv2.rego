# METADATA
# title: EC2 instances require IMDSv2
# description: |
#   EC2 instances, launch templates and launch configurations require the
#   session-token version of the instance metadata service
#   (metadata_options { http_tokens = "required" }), so that a server-side
#   request forgery or an open proxy cannot read the instance's role
#   credentials with a plain GET (CIS AWS Foundations 3.0.0 5.6). Left out,
#   http_tokens is "optional" (IMDSv1 allowed) unless the AMI or the
#   account default says otherwise, which no configuration here shows: the
#   omission, of the whole metadata_options block or of http_tokens inside
#   it, is a finding. A metadata service switched off (http_endpoint =
#   "disabled") passes. A value computed from another resource is not
#   judged.
# custom:
#   controls: ["8.9", "8.5"]
#   severity: high
#   coverage:
#     "8.9": partial
#     "8.5": supporting
#   inputs:
#     - resource:aws_instance
#     - resource:aws_launch_template
#     - resource:aws_launch_configuration
#   remediation: |
#     Add metadata_options { http_endpoint = "enabled", http_tokens =
#     "required", http_put_response_hop_limit = 1 } (2 for containers on the
#     instance), after checking that the software on the instance uses an
#     IMDSv2-capable SDK.
package annexa.controls.c8_9.aws_imdsv2

import data.annexa.lib.tf

types := ["aws_instance", "aws_launch_template", "aws_launch_configuration"]

label := {"aws_instance": "EC2 instance", "aws_launch_template": "launch template", "aws_launch_configuration": "launch configuration"}

deny contains finding if {
	some t in types
	some r in tf.resources(t)
	v := verdict(r)
	v != "required"
	finding := {
		"msg": sprintf("%s %s", [label[t], msg[v]]),
		"resource": r.id,
		"details": {"http_tokens": v},
	}
}

msg := {
	"optional": "allows IMDSv1 (metadata_options http_tokens is \"optional\")",
	"block_left_out": "leaves metadata_options out, so it allows IMDSv1 (http_tokens defaults to \"optional\")",
	"tokens_left_out": "leaves http_tokens out of metadata_options, so it allows IMDSv1 (it defaults to \"optional\")",
}

# verdict is "required", "optional", "block_left_out" or "tokens_left_out";
# undefined when the configuration does not decide it.
verdict(r) := "block_left_out" if {
	tf.omitted(r, "metadata_options")
	count(options(r)) == 0
} else := "required" if {
	some o in options(r)
	lower(object.get(o, "http_endpoint", "enabled")) == "disabled"
} else := v if {
	some o in options(r)
	tokens := object.get(o, "http_tokens", null)
	is_string(tokens)
	tokens != ""
	v := lower(tokens)
} else := "tokens_left_out" if {
	some o in options(r)
	not is_string(object.get(o, "http_tokens", null))
	count(object.get(r, ["references", "metadata_options.http_tokens"], [])) == 0
	not tf.is_unknown(r, "metadata_options")
}

options(r) := [o | some o in object.get(r.attributes, "metadata_options", []); is_object(o)]

# judged are the machines whose metadata options are decided.
judged contains r.id if {
	some t in types
	some r in tf.resources(t)
	verdict(r)
}
