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
