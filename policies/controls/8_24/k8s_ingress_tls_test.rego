package annexa.controls.c8_24.k8s_ingress_tls_test

import data.annexa.controls.c8_24.k8s_ingress_tls as check
import data.annexa.lib.testing

ingress(spec) := testing.kubernetes("Ingress", "payments", "api", {"apiVersion": "networking.k8s.io/v1", "spec": spec})

rules(hosts) := [{"host": h, "http": {"paths": [{"path": "/"}]}} | some h in hosts]

test_pass_every_host_covered if {
	facts := testing.facts([ingress({
		"tls": [{"hosts": ["api.acme.example"], "secretName": "api-tls"}, {"hosts": ["*.pay.acme.example"]}],
		"rules": rules(["api.acme.example", "eu.pay.acme.example"]),
	})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_no_tls if {
	facts := testing.facts([ingress({"rules": rules(["api.acme.example"])})])
	findings := check.deny with data.facts as facts
	findings == {{"msg": "Ingress payments/api has no TLS: it serves plain HTTP", "resource": "Ingress/payments/api"}}
}

test_fail_host_not_covered if {
	facts := testing.facts([ingress({
		"tls": [{"hosts": ["*.acme.example"]}],
		"rules": rules(["api.acme.example", "admin.eu.acme.example", "acme.example"]),
	})])
	findings := check.deny with data.facts as facts
	some f in findings
	f.details.hosts == ["acme.example", "admin.eu.acme.example"]
	count(findings) == 1
}

test_pass_judges_ingresses if {
	check.judged == {"Ingress/payments/api"} with data.facts as testing.facts([ingress({"rules": rules(["api.acme.example"])})])
	count(check.judged) == 0 with data.facts as testing.facts([testing.kubernetes("Service", "payments", "api", {})])
}

test_fail_null_tls_is_no_tls if {
	facts := testing.facts([ingress({"tls": null, "rules": null})])
	findings := check.deny with data.facts as facts
	findings == {{"msg": "Ingress payments/api has no TLS: it serves plain HTTP", "resource": "Ingress/payments/api"}}
}

test_pass_hostless_rule_with_hostless_tls if {
	facts := testing.facts([ingress({"tls": [{"secretName": "default-tls"}], "rules": [{"http": {"paths": [{"path": "/"}]}}]})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"Ingress/payments/api"} with data.facts as facts
}

test_fail_hostless_rule_not_covered_by_named_tls if {
	facts := testing.facts([ingress({"tls": [{"hosts": ["api.acme.example"]}], "rules": [{"http": {}}, {"host": "api.acme.example"}]})])
	findings := check.deny with data.facts as facts
	some f in findings
	f.details.hosts == ["every host (a rule without host)"]
}
