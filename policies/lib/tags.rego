# METADATA
# title: Resource tag helpers
# description: |
#   Reads the tags of Terraform resources for the policies that link cloud
#   resources to the organisation's registers (asset inventory,
#   classification). Only tags_all is trusted: it holds the resource's own
#   tags merged with the provider's default_tags, so a resource is judged
#   only where the whole set of tags is known.
# custom:
#   library: true
package annexa.lib.tags

# aws_resources lists every managed AWS resource that exists after the
# change, whatever its type.
aws_resources := [r |
	some t, rs in object.get(data.facts, "resources_by_type", {})
	startswith(t, "aws_")
	some r in rs
]

# known is true when the complete set of tags of r is known: tags_all is an
# object and no part of it is only known after apply. Resources without
# tags_all (types that take no tags, or sources that do not merge
# default_tags) are not judged.
known(r) if {
	is_object(r.attributes.tags_all)
	not partly_unknown(r)
}

# partly_unknown is true when tags_all or a tag in it is only known after
# apply. The unknown paths are searched by the builtins, not one by one in
# Rego: a plan lists many unknown paths for every resource.
partly_unknown(r) if "tags_all" in object.get(r, "unknown", [])

partly_unknown(r) if strings.any_prefix_match(object.get(r, "unknown", []), "tags_all.")

# values is the set of values of the tags of r whose key, ignoring case and
# punctuation, is one of keys (e.g. "assetid" matches Asset_ID, asset-id).
values(r, keys) := {v |
	some k, v in r.attributes.tags_all
	normalize(k) in keys
}

normalize(key) := lower(regex.replace(key, `[^A-Za-z0-9]`, ""))
