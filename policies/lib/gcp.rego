# METADATA
# title: Google Cloud helpers
# description: |
#   Predicates shared by the Google Cloud policies: which address ranges
#   mean "the internet", which members mean "anyone", and how a boolean
#   inside a nested block reads when the author left it out.
# custom:
#   library: true
package annexa.lib.gcp

import data.annexa.lib.tf

# is_internet is true when cidr admits every IPv4 or every IPv6 address:
# any spelling of a prefix length of 0 ("0.0.0.0/0", "::/0", "0::/0",
# "0:0:0:0:0:0:0:0/0"). Google Cloud accepts these wherever it takes a
# range. (Same semantics as net.is_internet, which the AWS policies add.)
is_internet(cidr) if {
	is_string(cidr)
	s := trim_space(cidr)
	endswith(s, "/0")
	net.cidr_is_valid(s)
}

# public_members are the IAM principals and ACL entities that stand for
# anyone on the internet, signed in to a Google account or not.
public_members := {"allUsers", "allAuthenticatedUsers"}

# is_public is true when member names anyone ("allUsers"), in any case.
is_public(member) if {
	is_string(member)
	some p in public_members
	lower(trim_space(member)) == lower(p)
}

# block_bool is the value of boolean key in nested block b of resource r
# (at unknown path "<path>.<key>"), as the provider plans it: the written
# value; if_unknown when the value is only known after apply; otherwise
# (left out) the provider's default dflt.
block_bool(r, path, b, key, if_unknown, dflt) := b[key] if {
	is_boolean(b[key])
} else := if_unknown if {
	tf.is_unknown(r, sprintf("%s.%s", [path, key]))
} else := dflt
