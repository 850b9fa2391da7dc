# METADATA
# title: Kubernetes Ingresses serve TLS for every host
# description: |
#   Every Ingress has a tls section, and every host its rules route is
#   covered by one of its TLS entries (an exact name or a *.domain wildcard
#   one label deep). Traffic to a host without TLS crosses the network in
#   clear text, credentials and payment data included.
# custom:
#   controls: ["8.24"]
#   severity: high
#   coverage: partial
#   inputs: ["kubernetes:Ingress"]
#   remediation: |
#     Add a spec.tls entry listing the hosts with a secretName holding their
#     certificate (cert-manager can issue and renew it), and redirect HTTP to
#     HTTPS at the ingress controller.
package annexa.controls.c8_24.k8s_ingress_tls

import data.annexa.lib.k8s

deny contains finding if {
	some ing in k8s.objects("Ingress")
	count(object.get(ing.attributes, ["spec", "tls"], [])) == 0
	finding := {
		"msg": sprintf("Ingress %s has no TLS: it serves plain HTTP", [k8s.name(ing)]),
		"resource": ing.id,
	}
}

deny contains finding if {
	some ing in k8s.objects("Ingress")
	tls := object.get(ing.attributes, ["spec", "tls"], [])
	count(tls) > 0
	hosts := {h | some r in object.get(ing.attributes, ["spec", "rules"], []); h := r.host; not covered(h, tls)}
	count(hosts) > 0
	finding := {
		"msg": sprintf("Ingress %s routes %s without TLS", [k8s.name(ing), concat(", ", sort(hosts))]),
		"resource": ing.id,
		"details": {"hosts": sort(hosts)},
	}
}

covered(host, tls) if {
	some t in tls
	some name in object.get(t, "hosts", [])
	matches(name, host)
}

matches(name, host) if name == host

matches(name, host) if {
	startswith(name, "*.")
	suffix := substring(name, 1, -1)
	endswith(host, suffix)
	not contains(trim_suffix(host, suffix), ".")
}

# judged are the Ingresses.
judged := k8s.ids(["Ingress"])
