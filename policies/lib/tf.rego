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

# ids is the set of the ids of the managed resources of the given types (a
# list) that will exist after the change, as resources lists them: a
# policy's judged set when its criterion applies to every one of them.
ids(types) := {r.id |
	some t in types
	some r in resources(t)
}

# data_ids is ids for data sources.
data_ids(types) := {d.id |
	some t in types
	some d in data_sources(t)
}

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

# attribute_or_id is the known string value of attribute attr of r, for
# messages, or r's address when the value is absent, unknown or not a
# string.
attribute_or_id(r, attr) := r.attributes[attr] if is_string(r.attributes[attr])

else := r.id

# display_name names r in messages: its name attribute, or its address.
display_name(r) := attribute_or_id(r, "name")

# has_value is true when attribute attr of r holds a known non-empty string
# or non-empty array.
has_value(r, attr) if {
	v := r.attributes[attr]
	is_string(v)
	v != ""
}

has_value(r, attr) if {
	v := r.attributes[attr]
	is_array(v)
	count(v) > 0
}

# referenced is true when the configuration of attribute attr of r refers
# to another object (its value follows from that object, perhaps only after
# apply).
referenced(r, attr) if count(object.get(r, ["references", attr], [])) > 0

# configured is true when attribute attr of r is set or will be: it has a
# known non-empty value, refers to another object, or is unknown until
# apply. An attribute that is absent, null or empty is not configured.
configured(r, attr) if has_value(r, attr)

configured(r, attr) if referenced(r, attr)

configured(r, attr) if is_unknown(r, attr)

# block_configured is configured for attribute attr of a nested block
# (a list of objects, e.g. encryption_configuration): some block holds a
# known non-empty string, the configuration refers to another object
# (reference key "block.attr"), or the first block's value is unknown
# until apply (unknown path "block.0.attr").
block_configured(r, block, attr) if {
	some b in r.attributes[block]
	is_string(b[attr])
	b[attr] != ""
}

block_configured(r, block, attr) if referenced(r, sprintf("%s.%s", [block, attr]))

block_configured(r, block, attr) if is_unknown(r, sprintf("%s.0.%s", [block, attr]))

# omitted is true when the author left the top-level argument or nested
# block attr out of r's configuration (the fact's "configured" list), so
# that its value is the provider's default, or unknown because the provider
# computes it, rather than something the author wrote. It is false when the
# input does not say what was configured (no "configured" list): absence of
# that evidence is not evidence of omission.
omitted(r, attr) if {
	is_array(r.configured)
	not attr in r.configured
}

# written is true when the author wrote argument or block attr in r's
# configuration, whatever its value (null, or unknown until apply).
written(r, attr) if attr in object.get(r, "configured", [])
