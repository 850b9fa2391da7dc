# METADATA
# title: Kubernetes Ingresses serve TLS for every host
# description: |
#   Every Ingress has a tls section, and every host its rules route is
#   covered by one of its TLS entries (an exact name or a *.domain wildcard
#   one label deep). A rule without a host serves every host and is covered
#   only by a TLS entry that names no hosts (the controller's certificate
#   for any host). tls or rules absent or null count as empty. Traffic to a
#   host without TLS crosses the network in clear text, credentials and
#   payment data included.
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
	count(tls_entries(ing)) == 0
	finding := {
		"msg": sprintf("Ingress %s has no TLS: it serves plain HTTP", [k8s.name(ing)]),
		"resource": ing.id,
	}
}

deny contains finding if {
	some ing in k8s.objects("Ingress")
	tls := tls_entries(ing)
	count(tls) > 0
	hosts := {host_label(h) |
		some raw in k8s.arr(object.get(ing.attributes, ["spec", "rules"], []))
		h := object.get(k8s.obj(raw), "host", "")
		not covered(h, tls)
	}
	count(hosts) > 0
	finding := {
		"msg": sprintf("Ingress %s routes %s without TLS", [k8s.name(ing), concat(", ", sort(hosts))]),
		"resource": ing.id,
		"details": {"hosts": sort(hosts)},
	}
}

# tls_entries are the Ingress's tls entries, [] when absent or null.
tls_entries(ing) := [k8s.obj(t) | some t in k8s.arr(object.get(ing.attributes, ["spec", "tls"], []))]

# tls_hosts are the host names of a tls entry.
tls_hosts(t) := k8s.arr(object.get(t, "hosts", []))

host_label("") := "every host (a rule without host)"

host_label(h) := h if h != ""

# A rule without a host matches every host; it is covered by a tls entry
# that names no hosts, which the ingress controller serves with its
# certificate for any host.
covered("", tls) if {
	some t in tls
	count(tls_hosts(t)) == 0
}

covered(host, tls) if {
	host != ""
	some t in tls
	some name in tls_hosts(t)
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
