# METADATA
# title: Resource tag and label helpers across clouds
# description: |
#   The tags (AWS, Azure) or labels (Google Cloud) of a Terraform resource,
#   whichever cloud it is in, for policies that read a classification or
#   an environment from them.
# custom:
#   library: true
package annexa.lib.labels

import data.annexa.lib.tags

# of returns the complete set of tags or labels of a resource: AWS
# tags_all (which includes the provider's default_tags), Google
# effective_labels (which include the provider's default_labels), else tags
# or labels as written, or a Cloud SQL instance's settings.user_labels.
of(r) := r.attributes.tags_all if {
	is_object(r.attributes.tags_all)
} else := r.attributes.effective_labels if {
	is_object(r.attributes.effective_labels)
} else := r.attributes.tags if {
	is_object(r.attributes.tags)
} else := r.attributes.labels if {
	is_object(r.attributes.labels)
} else := r.attributes.settings[0].user_labels if {
	is_object(r.attributes.settings[0].user_labels)
} else := {}

# value returns the value of the first tag or label of r whose key, ignoring
# case and punctuation, is in keys (a set of normalized keys); undefined
# when there is none.
value(r, keys) := sort([v |
	some k, v in of(r)
	tags.normalize(k) in keys
	is_string(v)
])[0]

# keys_matching is the set of the tag and label keys found on any resource
# whose normalized form is in keys. Called from a rule, it normalizes each
# distinct key once instead of once per resource; value_of then reads a
# resource's tags by those keys alone.
keys_matching(keys) := {k |
	some k in all_keys
	tags.normalize(k) in keys
}

all_keys := union({object.keys(of(r)) |
	some rs in object.get(data.facts, "resources_by_type", {})
	some r in rs
})

# value_of is value(r, keys) for raw_keys = keys_matching(keys).
value_of(r, raw_keys) := sort([v |
	some v in object.filter(of(r), raw_keys)
	is_string(v)
])[0]
