package annexa.controls.c8_23.aws_dns_firewall_test

import data.annexa.controls.c8_23.aws_dns_firewall as check
import data.annexa.lib.testing

vpc(name) := testing.resource("aws_vpc", name, {"cidr_block": "10.0.0.0/16", "tags_all": {"Name": sprintf("acme-%s", [name])}})

group := testing.resource("aws_route53_resolver_firewall_rule_group", "egress", {"name": "egress-filter"})

association(vpc_name) := testing.with_refs(
	testing.resource("aws_route53_resolver_firewall_rule_group_association", vpc_name, {"name": vpc_name, "priority": 101}),
	{"vpc_id": [sprintf("aws_vpc.%s", [vpc_name])], "firewall_rule_group_id": ["aws_route53_resolver_firewall_rule_group.egress"]},
)

rule(action) := testing.with_refs(
	testing.resource("aws_route53_resolver_firewall_rule", lower(action), {"action": action, "priority": 100}),
	{"firewall_rule_group_id": ["aws_route53_resolver_firewall_rule_group.egress"]},
)

test_pass_every_vpc_filtered if {
	facts := testing.facts([vpc("main"), group, association("main"), rule("BLOCK"), rule("ALERT")])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_vpc_not_associated if {
	facts := testing.facts([vpc("main"), vpc("batch"), group, association("main"), rule("BLOCK")])
	check.deny == {{
		"msg": "VPC acme-batch is not associated with a DNS Firewall rule group, so its DNS lookups are not filtered",
		"resource": "aws_vpc.batch",
	}} with data.facts as facts
}

# Terraform source has no tags_all: the VPC is named from its own tags, as
# in the plan.
test_fail_vpc_named_from_tags_in_source if {
	source_vpc := testing.resource("aws_vpc", "batch", {"cidr_block": "10.1.0.0/16", "tags": {"Name": "acme-batch"}})
	facts := testing.facts([vpc("main"), source_vpc, group, association("main"), rule("BLOCK")])
	[f.msg | some f in check.deny] == ["VPC acme-batch is not associated with a DNS Firewall rule group, so its DNS lookups are not filtered"] with data.facts as facts
}

test_fail_group_without_block_rule if {
	facts := testing.facts([vpc("main"), group, association("main"), rule("ALERT")])
	[f.resource | some f in check.deny] == ["aws_route53_resolver_firewall_rule_group.egress"] with data.facts as facts
}

test_fail_fail_open if {
	cfg := testing.resource("aws_route53_resolver_firewall_config", "main", {"firewall_fail_open": "ENABLED"})
	count(check.deny) == 1 with data.facts as testing.facts([cfg])
}

test_pass_no_dns_firewall_not_judged if {
	count(check.deny) == 0 with data.facts as testing.facts([vpc("main")])
}

test_pass_judges_vpcs_and_groups_in_use if {
	facts := testing.facts([vpc("main"), group, association("main"), rule("BLOCK")])
	check.judged == {"aws_vpc.main", "aws_route53_resolver_firewall_rule_group.egress"} with data.facts as facts
	count(check.judged) == 0 with data.facts as testing.facts([vpc("main")])
}
