package annexa.controls.c8_21.gcp_lb_tls_test

import data.annexa.controls.c8_21.gcp_lb_tls as check
import data.annexa.lib.testing

test_pass_modern_policy_on_proxy if {
	policy := testing.resource("google_compute_ssl_policy", "modern", {"name": "tls12-modern", "min_tls_version": "TLS_1_2", "profile": "MODERN"})
	proxy := testing.with_refs(
		object.union(testing.resource("google_compute_target_https_proxy", "api", {"name": "api-https"}), {"unknown": ["ssl_policy"]}),
		{"ssl_policy": ["google_compute_ssl_policy.modern"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([policy, proxy])
}

test_fail_default_min_tls if {
	policy := testing.resource("google_compute_ssl_policy", "compat", {"name": "compat", "min_tls_version": "TLS_1_0", "profile": "COMPATIBLE"})
	check.deny == {{
		"msg": "SSL policy compat accepts TLS older than 1.2 (min_tls_version = TLS_1_0)",
		"resource": "google_compute_ssl_policy.compat",
		"details": {"min_tls_version": "TLS_1_0"},
	}} with data.facts as testing.facts([policy])
}

test_fail_proxy_without_policy if {
	proxy := testing.resource("google_compute_region_target_https_proxy", "api", {"name": "api-https", "ssl_policy": null})
	count(check.deny) == 1 with data.facts as testing.facts([proxy])
}

test_pass_judges_policies_and_proxies if {
	policy := testing.resource("google_compute_ssl_policy", "modern", {"name": "tls12-modern", "min_tls_version": "TLS_1_2"})
	proxy := testing.resource("google_compute_target_https_proxy", "api", {"name": "api-https", "ssl_policy": null})
	check.judged == {"google_compute_ssl_policy.modern", "google_compute_target_https_proxy.api"} with data.facts as testing.facts([policy, proxy])
	u := object.union(testing.resource("google_compute_target_https_proxy", "api", {"name": "api-https"}), {"unknown": ["ssl_policy"]})
	count(check.judged) == 0 with data.facts as testing.facts([u])
}
