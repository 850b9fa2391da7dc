# METADATA
# title: Terraform resource helpers
# description: |
#   Shared accessors over the normalized resource facts that every Terraform
#   source (plan, .tf source, cloud snapshot) produces. Policies call these
#   instead of walking data.facts directly, so the index layout can change in
#   one place.
# custom:
#   library: true
package annexa.lib.tf

# resources lists the managed resources of type t that will exist after the
# change (resources whose only planned action is delete are left out).
resources(t) := object.get(data.facts.resources_by_type, t, [])

# data_sources lists the data sources of type t.
data_sources(t) := object.get(data.facts.data_by_type, t, [])

# pointers is the set of things attribute attr of resource r points at: the
# addresses its configuration expression references (known before apply)
# and its known string value (a cloud id or name).
pointers(r, attr) := {p | some p in object.get(r, ["references", attr], [])} | {v |
	v := r.attributes[attr]
	is_string(v)
}

# identities is the set of keys by which other resources can point at r:
# its instance and base address and its known cloud id.
identities(r) := {r.id, r.base_address} | {v |
	v := r.attributes.id
	is_string(v)
}

# refers is true when attribute attr of resource r points at target. To link
# many resources to many, collect the pointers of one side into a set once
# and look up the identities of the other side in it; calling refers for
# every pair is quadratic.
refers(r, attr, target) if {
	some p in pointers(r, attr)
	p in identities(target)
}

# pointed_at is the set of everything that attribute attr of the resources
# of type t points at.
pointed_at(t, attr) := {p |
	some r in resources(t)
	some p in pointers(r, attr)
}

# is_unknown is true when the value at path (dotted, as listed in the fact's
# "unknown" array) is only known after apply.
is_unknown(r, path) if path in object.get(r, "unknown", [])

# explicitly_false is true only for a known false value: an unknown or absent
# attribute is not evidence of a misconfiguration.
explicitly_false(r, attr) if r.attributes[attr] == false

# as_list turns a value that Terraform and IAM allow as "one or many" into a
# list.
as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)
