# METADATA
# title: GCP load balancers negotiate TLS 1.2 or later
# description: |
#   HTTPS and SSL proxy load balancers must use an SSL policy whose
#   min_tls_version is TLS_1_2 or later. A google_compute_ssl_policy with
#   min_tls_version TLS_1_0 (the provider's default) or TLS_1_1 is a
#   finding, and so is a target HTTPS or SSL proxy with no ssl_policy:
#   Google Cloud then applies its default policy, which accepts TLS 1.0.
# custom:
#   controls: ["8.21", "8.24"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:google_compute_ssl_policy
#     - resource:google_compute_target_https_proxy
#     - resource:google_compute_region_target_https_proxy
#     - resource:google_compute_target_ssl_proxy
#   remediation: |
#     Create a google_compute_ssl_policy with min_tls_version = "TLS_1_2"
#     and profile = "MODERN" (or "RESTRICTED") and set it as ssl_policy on
#     every target HTTPS and SSL proxy.
package annexa.controls.c8_21.gcp_lb_tls

import data.annexa.lib.crypto
import data.annexa.lib.tf

proxy_types := ["google_compute_target_https_proxy", "google_compute_region_target_https_proxy", "google_compute_target_ssl_proxy"]

deny contains finding if {
	some p in tf.resources("google_compute_ssl_policy")
	crypto.weak_tls(p.attributes.min_tls_version)
	finding := {
		"msg": sprintf("SSL policy %s accepts TLS older than 1.2 (min_tls_version = %s)", [tf.display_name(p), p.attributes.min_tls_version]),
		"resource": p.id,
		"details": {"min_tls_version": p.attributes.min_tls_version},
	}
}

deny contains finding if {
	some t in proxy_types
	some p in tf.resources(t)
	not policy_set(p)
	finding := {
		"msg": sprintf("load balancer proxy %s has no ssl_policy, so it uses the Google default policy, which accepts TLS 1.0", [tf.display_name(p)]),
		"resource": p.id,
	}
}

policy_set(p) if {
	is_string(p.attributes.ssl_policy)
	p.attributes.ssl_policy != ""
}

policy_set(p) if count(object.get(p, ["references", "ssl_policy"], [])) > 0

policy_set(p) if tf.is_unknown(p, "ssl_policy")

# judged are the SSL policies whose minimum TLS version is known and the
# proxies whose SSL policy is known, referenced or left out.
judged contains p.id if {
	some p in tf.resources("google_compute_ssl_policy")
	is_string(p.attributes.min_tls_version)
}

judged contains p.id if {
	some t in proxy_types
	some p in tf.resources(t)
	not policy_unknown(p)
}

policy_unknown(p) if {
	tf.is_unknown(p, "ssl_policy")
	not tf.referenced(p, "ssl_policy")
}
