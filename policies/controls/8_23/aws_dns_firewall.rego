# METADATA
# title: DNS Firewall covers every VPC, blocks, and does not fail open
# description: |
#   Where an AWS configuration filters its workloads' DNS lookups with Route
#   53 Resolver DNS Firewall (it has a firewall rule group association), the
#   filtering must be complete and effective: every VPC in the
#   configuration is associated with a rule group
#   (aws_route53_resolver_firewall_rule_group_association vpc_id); every
#   rule group defined here that is associated holds at least one rule
#   with action BLOCK (a group of ALLOW and ALERT rules filters nothing);
#   and no VPC is set to fail open (aws_route53_resolver_firewall_config
#   firewall_fail_open ENABLED), which lets every lookup through whenever
#   the firewall is impaired. Configurations without DNS Firewall are not
#   judged: filtering of users' web access is checked by
#   c8_23.web_filtering.
# custom:
#   controls: ["8.23"]
#   severity: medium
#   coverage: supporting
#   inputs:
#     - resource:aws_route53_resolver_firewall_rule_group_association
#     - resource:aws_route53_resolver_firewall_config
#   remediation: |
#     Associate a DNS Firewall rule group that blocks the AWS managed
#     malware, botnet and newly registered domain lists with every VPC, and
#     set firewall_fail_open = "DISABLED".
package annexa.controls.c8_23.aws_dns_firewall

import data.annexa.lib.tf

association_type := "aws_route53_resolver_firewall_rule_group_association"

deny contains finding if {
	count(tf.resources(association_type)) > 0
	some vpc in tf.resources("aws_vpc")
	not linked(vpc, covered_vpcs)
	finding := {
		"msg": sprintf("VPC %s is not associated with a DNS Firewall rule group, so its DNS lookups are not filtered", [tag_name(vpc)]),
		"resource": vpc.id,
	}
}

deny contains finding if {
	some g in tf.resources("aws_route53_resolver_firewall_rule_group")
	linked(g, associated_groups)
	not linked(g, blocking_groups)
	finding := {
		"msg": sprintf("DNS Firewall rule group %s has no rule with action BLOCK, so it filters nothing", [tag_name(g)]),
		"resource": g.id,
	}
}

deny contains finding if {
	some c in tf.resources("aws_route53_resolver_firewall_config")
	c.attributes.firewall_fail_open == "ENABLED"
	finding := {
		"msg": "DNS Firewall is set to fail open: DNS lookups go unfiltered whenever the firewall is impaired",
		"resource": c.id,
		"details": {"firewall_fail_open": "ENABLED"},
	}
}

covered_vpcs := tf.pointed_at(association_type, "vpc_id")

associated_groups := tf.pointed_at(association_type, "firewall_rule_group_id")

# blocking_groups are the rule groups that a BLOCK rule points at.
blocking_groups contains p if {
	some r in tf.resources("aws_route53_resolver_firewall_rule")
	r.attributes.action == "BLOCK"
	some p in tf.pointers(r, "firewall_rule_group_id")
}

linked(r, keys) if {
	some k in tf.identities(r)
	k in keys
}

# tag_name prefers the Name tag; tags_all exists only in plans, so source falls
# back to the resource's own tags and names the VPC the same way.
tag_name(r) := r.attributes.tags_all.Name if is_string(r.attributes.tags_all.Name)

else := r.attributes.tags.Name if is_string(r.attributes.tags.Name)

else := r.attributes.name if is_string(r.attributes.name)

else := r.id

# judged are, once DNS Firewall is in use, the VPCs; the associated rule
# groups; and the firewall configs whose fail-open setting is known.
judged contains vpc.id if {
	count(tf.resources(association_type)) > 0
	some vpc in tf.resources("aws_vpc")
}

judged contains g.id if {
	some g in tf.resources("aws_route53_resolver_firewall_rule_group")
	linked(g, associated_groups)
}

judged contains c.id if {
	some c in tf.resources("aws_route53_resolver_firewall_config")
	is_string(c.attributes.firewall_fail_open)
}
