# METADATA
# title: The default security group of every VPC allows no traffic
# description: |
#   Resources launched without a security group land in their VPC's default
#   security group, so it must restrict all traffic: no inbound and no
#   outbound rule (CIS AWS Foundations 3.0.0 5.4). An
#   aws_default_security_group with any ingress or egress block is a finding
#   (Terraform removes every rule the configuration leaves out, so one
#   without blocks passes), and so is a separate aws_security_group_rule,
#   aws_vpc_security_group_ingress_rule or aws_vpc_security_group_egress_rule
#   attached to a default security group: one that refers to an
#   aws_default_security_group, or to a VPC (its default_security_group_id,
#   the only security group a VPC exposes). Rules only known after apply are
#   not judged.
# custom:
#   controls: ["8.20", "8.22"]
#   severity: medium
#   coverage:
#     "8.20": partial
#     "8.22": supporting
#   inputs:
#     - resource:aws_default_security_group
#     - resource:aws_security_group_rule
#     - resource:aws_vpc_security_group_ingress_rule
#     - resource:aws_vpc_security_group_egress_rule
#   remediation: |
#     Manage the default security group with an aws_default_security_group
#     without ingress or egress blocks, attach no rules to it, and give
#     every resource a security group of its own.
package annexa.controls.c8_20.aws_default_security_group

import data.annexa.lib.tf

rule_types := ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]

deny contains finding if {
	some sg in tf.resources("aws_default_security_group")
	directions := [d |
		some d in ["ingress", "egress"]
		count(rules(sg, d)) > 0
	]
	count(directions) > 0
	finding := {
		"msg": sprintf("default security group allows %s traffic", [concat(" and ", [label[d] | some d in directions])]),
		"resource": sg.id,
		"details": {"directions": directions},
	}
}

deny contains finding if {
	some t in rule_types
	some r in tf.resources(t)
	on_default_group(r)
	finding := {
		"msg": "security group rule opens the VPC's default security group",
		"resource": r.id,
	}
}

label := {"ingress": "inbound", "egress": "outbound"}

rules(sg, direction) := [r | some r in object.get(sg.attributes, direction, []); r != null]

# default_keys are the keys a rule's security_group_id points at when the
# rule belongs to a default security group: the default security groups'
# identities and the VPCs'.
default_keys := {k |
	some t in ["aws_default_security_group", "aws_vpc"]
	some r in tf.resources(t)
	some k in tf.identities(r)
}

on_default_group(r) if {
	some p in tf.pointers(r, "security_group_id")
	p in default_keys
}

# judged are the default security groups whose rules are known, and the
# rules attached to a default security group.
judged contains sg.id if {
	some sg in tf.resources("aws_default_security_group")
	rules_known(sg, "ingress")
	rules_known(sg, "egress")
}

# rules_known is true when the rules of a direction are known, or left out:
# Terraform then revokes them all (a plan shows them unknown, as the
# provider computes them).
rules_known(sg, direction) if not tf.is_unknown(sg, direction)

rules_known(sg, direction) if tf.omitted(sg, direction)

judged contains r.id if {
	some t in rule_types
	some r in tf.resources(t)
	on_default_group(r)
}
