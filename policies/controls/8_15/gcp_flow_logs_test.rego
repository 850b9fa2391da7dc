package annexa.controls.c8_15.gcp_flow_logs_test

import data.annexa.controls.c8_15.gcp_flow_logs as check
import data.annexa.lib.testing

subnet(name, attrs) := testing.resource("google_compute_subnetwork", name, object.union(
	{"name": name, "ip_cidr_range": "10.10.0.0/20", "region": "europe-west1", "network": "vpc"},
	attrs,
))

test_pass_flow_logs_on if {
	facts := testing.facts([subnet("app", {"purpose": "PRIVATE", "log_config": [{"aggregation_interval": "INTERVAL_5_SEC", "flow_sampling": 1, "metadata": "INCLUDE_ALL_METADATA"}]})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"google_compute_subnetwork.app"} with data.facts as facts
}

test_fail_no_log_config if {
	check.deny == {{
		"msg": "subnet app records no VPC flow logs (no log_config)",
		"resource": "google_compute_subnetwork.app",
	}} with data.facts as testing.facts([subnet("app", {"log_config": []})])
}

test_fail_log_config_absent_purpose_unknown if {
	s := object.union(subnet("app", {}), {"unknown": ["purpose"]})
	count(check.deny) == 1 with data.facts as testing.facts([s])
}

test_pass_proxy_subnet_not_judged if {
	facts := testing.facts([subnet("proxy", {"purpose": "REGIONAL_MANAGED_PROXY", "role": "ACTIVE", "log_config": []})])
	count(check.deny) == 0 with data.facts as facts
	count(check.judged) == 0 with data.facts as facts
}

test_pass_unknown_log_config_not_judged if {
	s := object.union(subnet("app", {}), {"unknown": ["log_config"]})
	count(check.judged) == 0 with data.facts as testing.facts([s])
}
