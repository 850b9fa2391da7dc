package annexa.controls.c8_15.aws_lb_access_logs_test

import data.annexa.controls.c8_15.aws_lb_access_logs as check
import data.annexa.lib.testing

lb(attrs) := testing.resource("aws_lb", "web", object.union({"name": "web", "load_balancer_type": "application"}, attrs))

test_pass_enabled if {
	facts := testing.facts([lb({"access_logs": [{"bucket": "acme-elb-logs", "enabled": true}]})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_lb.web"} with data.facts as facts
}

test_fail_no_block if {
	check.deny == {{"msg": "load balancer web writes no access logs (no access_logs block)", "resource": "aws_lb.web"}} with data.facts as testing.facts([lb({"access_logs": []})])
	count(check.deny) == 1 with data.facts as testing.facts([lb({})])
}

test_fail_enabled_left_out_on_alb if {
	count(check.deny) == 1 with data.facts as testing.facts([lb({"access_logs": [{"bucket": "acme-elb-logs"}]})])
	count(check.deny) == 1 with data.facts as testing.facts([lb({"access_logs": [{"bucket": "acme-elb-logs", "enabled": false}]})])
}

test_pass_classic_elb_enabled_by_default if {
	elb := testing.resource("aws_elb", "old", {"name": "old", "access_logs": [{"bucket": "acme-elb-logs"}]})
	count(check.deny) == 0 with data.facts as testing.facts([elb])
	check.judged == {"aws_elb.old"} with data.facts as testing.facts([elb])
}

test_pass_gateway_and_unknown_not_judged if {
	gw := lb({"load_balancer_type": "gateway"})
	later := object.union(testing.resource("aws_alb", "later", {}), {"unknown": ["access_logs"]})
	count(check.deny) == 0 with data.facts as testing.facts([gw, later])
	count(check.judged) == 0 with data.facts as testing.facts([gw, later])
}
