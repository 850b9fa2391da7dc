# METADATA
# title: Azure (azurerm) helpers
# description: |
#   Shared predicates of the Azure policies: which source address prefixes
#   of a network security rule mean "the internet", how to read an argument
#   that azurerm v3 and v4 spell differently, and what an argument the
#   author left out amounts to under the provider's documented default.
# custom:
#   library: true
package annexa.lib.azure

import data.annexa.lib.net
import data.annexa.lib.tf

# is_internet is true when an NSG address prefix admits any address: the
# service tags "*", "Internet" and "Any", or any spelling of the whole IPv4
# or IPv6 space (net.is_internet). A bare address, 0.0.0.0 included, is
# one host (/32) to Azure, not the internet.
is_internet(s) if {
	is_string(s)
	lower(trim_space(s)) in {"*", "internet", "any"}
}

is_internet(s) if net.is_internet(s)

# known is true for a value a plan or source states: not null, not absent.
known(v) if not is_null(v)

# setting is the value of argument attr of r: the value written or shown
# in the plan, else the provider's default when the author left the
# argument out and the value is not computed at apply. Undefined when the
# value is only known after apply.
setting(r, attr, dflt) := r.attributes[attr] if {
	not is_null(r.attributes[attr])
} else := dflt if {
	tf.omitted(r, attr)
	not tf.is_unknown(r, attr)
}

# setting_any reads an argument azurerm spells in more than one way
# (names, v4 name first): the first known value, else the default when the
# author left every spelling out.
setting_any(r, names, dflt) := known_values[0] if {
	known_values := [v |
		some name in names
		v := r.attributes[name]
		not is_null(v)
	]
	count(known_values) > 0
} else := dflt if {
	every name in names {
		tf.omitted(r, name)
		not tf.is_unknown(r, name)
	}
}

# tls_number turns a TLS version as Azure spells it ("TLS1_2", "1.2",
# "TLSv1.2", "TLS1.3") into a number (1.2). Undefined for anything else.
tls_number(v) := to_number(sprintf("%s.%s", [m[1], m[2]])) if {
	is_string(v)
	some m in regex.find_all_string_submatch_n(`^(?i)\s*(?:tls)?\s*v?\s*(\d)\s*[._]\s*(\d)\s*$`, v, 1)
}

# below_min_tls is true for a TLS version older than minimum (the policy
# passes its tls_min_version parameter, so the meta-test sees it read).
below_min_tls(v, minimum) if tls_number(v) < tls_number(minimum)
