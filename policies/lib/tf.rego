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

# refers is true when attribute attr of resource r points at target: either
# the configuration references target's address (known before apply), or the
# attribute's known value equals target's cloud id.
refers(r, attr, target) if {
	some ref in object.get(r, ["references", attr], [])
	ref in {target.id, target.base_address}
}

refers(r, attr, target) if {
	value := r.attributes[attr]
	is_string(value)
	value == target.attributes.id
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
