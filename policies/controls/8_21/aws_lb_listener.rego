# METADATA
# title: Load balancer listeners encrypt traffic with TLS 1.2 or later
# description: |
#   Application and network load balancer listeners (aws_lb_listener, or its
#   alias aws_alb_listener) must not serve traffic in clear text or accept
#   TLS older than 1.2. An HTTP listener is a finding when a default action
#   forwards or authenticates requests, or redirects without switching to
#   HTTPS (a redirect that leaves protocol out keeps the request's own), or
#   when it has no default action at all (left out: nothing redirects it to
#   HTTPS); a redirect to HTTPS or a fixed response is fine. An HTTPS or TLS
#   listener is a finding when its ssl_policy allows TLS 1.0 or 1.1
#   (ELBSecurityPolicy-2016-08, -2015-05, -FS-2018-06, -TLS-1-0-*,
#   -TLS-1-1-*, -FS-1-1-*, -TLS13-1-0-*, -TLS13-1-1-*), or when it sets no
#   ssl_policy at all: AWS then applies ELBSecurityPolicy-2016-08, which
#   accepts TLS 1.0. Findings on internet-facing load balancers are high, on
#   internal ones medium.
# custom:
#   controls: ["8.21", "8.24"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:aws_lb_listener
#     - resource:aws_alb_listener
#   remediation: |
#     Redirect HTTP to HTTPS (default_action { type = "redirect" redirect {
#     protocol = "HTTPS", port = "443", status_code = "HTTP_301" } }) and set
#     ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or a stricter
#     TLS 1.2+ policy) on HTTPS and TLS listeners.
package annexa.controls.c8_21.aws_lb_listener

import data.annexa.lib.tf
import data.annexa.lib.values

listener_types := ["aws_lb_listener", "aws_alb_listener"]

weak_policy := `^ELBSecurityPolicy-(2015-05|2016-08|FS-2018-06|TLS-1-[01]-.*|FS-1-1-.*|TLS13-1-[01]-.*)$`

deny contains finding if {
	some t in listener_types
	some l in tf.resources(t)
	protocol(l) == "HTTP"
	some i, a in object.get(l.attributes, "default_action", [])
	clear_text(l, i, a)
	finding := with_severity(l, {
		"msg": sprintf("%s listener on port %v serves requests over plain HTTP (default action %s)", [lb_name(l), port(l), a.type]),
		"resource": l.id,
		"details": {"protocol": "HTTP", "action": a.type},
	})
}

deny contains finding if {
	some t in listener_types
	some l in tf.resources(t)
	protocol(l) == "HTTP"
	no_default_action(l)
	finding := with_severity(l, {
		"msg": sprintf("%s listener on port %v serves plain HTTP and has no default action that redirects to HTTPS", [lb_name(l), port(l)]),
		"resource": l.id,
		"details": {"protocol": "HTTP", "action": null},
	})
}

deny contains finding if {
	some t in listener_types
	some l in tf.resources(t)
	protocol(l) in {"HTTPS", "TLS"}
	regex.match(weak_policy, values.string_or_empty(l.attributes.ssl_policy))
	finding := with_severity(l, {
		"msg": sprintf("%s %s listener on port %v uses %s, which accepts TLS 1.0 or 1.1", [lb_name(l), protocol(l), port(l), l.attributes.ssl_policy]),
		"resource": l.id,
		"details": {"ssl_policy": l.attributes.ssl_policy},
	})
}

deny contains finding if {
	some t in listener_types
	some l in tf.resources(t)
	protocol(l) in {"HTTPS", "TLS"}
	not policy_given(l)
	finding := with_severity(l, {
		"msg": sprintf("%s %s listener on port %v sets no ssl_policy, so AWS applies ELBSecurityPolicy-2016-08, which accepts TLS 1.0", [lb_name(l), protocol(l), port(l)]),
		"resource": l.id,
		"details": {"ssl_policy": "ELBSecurityPolicy-2016-08 (default)"},
	})
}

# protocol is the listener's protocol, upper case. One left out of the
# configuration is the provider's to decide (unknown in a plan): AWS
# takes HTTP on an application load balancer, so an omitted protocol reads
# as HTTP unless the listener's load balancer is known to be of another
# type.
# port is the listener's port for messages ("?" when not known).
port(l) := sprintf("%v", [p]) if {
	p := object.get(l.attributes, "port", null)
	p != null
} else := "?"

protocol(l) := upper(l.attributes.protocol) if is_string(l.attributes.protocol)

else := "HTTP" if {
	tf.omitted(l, "protocol")
	not non_application(l)
}

else := ""

non_application(l) if {
	some lb in lbs_of(l)
	is_string(lb.attributes.load_balancer_type)
	lb.attributes.load_balancer_type != "application"
}

# clear_text is true for default action i of listener l when it answers
# the request over the listener's own protocol: forwarding, authenticating,
# or redirecting without switching to HTTPS.
clear_text(_, _, a) if a.type in {"forward", "authenticate-cognito", "authenticate-oidc"}

clear_text(l, i, a) if {
	a.type == "redirect"
	some j, r in a.redirect
	upper(redirect_protocol(l, sprintf("default_action.%d.redirect.%d.protocol", [i, j]), r)) != "HTTPS"
}

# redirect_protocol reads a protocol left out of a redirect (absent in
# source, null) as the provider's default, #{protocol}: the request's own.
# One known only after apply is not judged.
redirect_protocol(_, _, r) := r.protocol if is_string(r.protocol)

redirect_protocol(l, path, r) := "#{protocol}" if {
	object.get(r, "protocol", null) == null
	not tf.is_unknown(l, path)
}

# no_default_action is true when the author left default_action out of an
# HTTP listener (the provider requires one; an omission is no redirect to
# HTTPS), and it is not only known after apply.
no_default_action(l) if {
	tf.omitted(l, "default_action")
	not tf.is_unknown(l, "default_action")
	count(object.get(l.attributes, "default_action", [])) == 0
}

policy_given(l) if {
	is_string(l.attributes.ssl_policy)
	l.attributes.ssl_policy != ""
}

policy_given(l) if count(object.get(l, ["references", "ssl_policy"], [])) > 0

# load_balancers finds load balancers by any of their identities, built
# once (several instances of a counted load balancer share a base address).
load_balancers := {k: {v | some [k2, v] in load_balancers_pairs; k2 == k} | some k in {x | some [x, _] in load_balancers_pairs}}

load_balancers_pairs contains [k, lb] if {
	some t in ["aws_lb", "aws_alb"]
	some lb in tf.resources(t)
	some k in tf.identities(lb)
}

# lbs_of is the set of load balancers a listener is attached to.
lbs_of(l) := {lb |
	some p in tf.pointers(l, "load_balancer_arn")
	some lb in object.get(load_balancers, p, set())
}

# is_internal is true when the listener's load balancer is known and
# internal; unknown counts as internet-facing.
is_internal(l) if {
	count(lbs_of(l)) > 0
	every lb in lbs_of(l) {
		lb.attributes.internal == true
	}
}

lb_name(l) := sprintf("%sload balancer %s", [internal_word(l), lb.attributes.name]) if {
	[lb] := [x | some x in lbs_of(l)]
	is_string(lb.attributes.name)
} else := sprintf("%sload balancer", [internal_word(l)])

internal_word(l) := "internal " if is_internal(l)

else := ""

with_severity(l, f) := object.union(f, {"severity": "medium"}) if is_internal(l)

else := f

# judged are the HTTPS and TLS listeners, and the HTTP listeners with a
# default action whose protocol is known; TCP and UDP listeners carry no
# web traffic to judge.
judged contains l.id if {
	some t in listener_types
	some l in tf.resources(t)
	protocol(l) in {"HTTPS", "TLS"}
}

judged contains l.id if {
	some t in listener_types
	some l in tf.resources(t)
	protocol(l) == "HTTP"
	some i, a in object.get(l.attributes, "default_action", [])
	action_decided(l, i, a)
}

judged contains l.id if {
	some t in listener_types
	some l in tf.resources(t)
	protocol(l) == "HTTP"
	no_default_action(l)
}

action_decided(_, _, a) if {
	is_string(a.type)
	a.type != "redirect"
}

action_decided(l, i, a) if {
	a.type == "redirect"
	some j, r in a.redirect
	redirect_protocol(l, sprintf("default_action.%d.redirect.%d.protocol", [i, j]), r)
}
