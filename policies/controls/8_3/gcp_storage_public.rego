# METADATA
# title: Cloud Storage grants nothing to allUsers or allAuthenticatedUsers
# description: |
#   Access to stored information is restricted: no IAM grant or ACL on a
#   Cloud Storage bucket or its objects names allUsers (anyone on the
#   internet) or allAuthenticatedUsers (anyone signed in to any Google
#   account) (CIS GCP 3.0.0 5.1). Judged are bucket IAM members, bindings
#   and policies (policy_data as JSON, or the data.google_iam_policy it
#   refers to), bucket, default object and object access controls, and
#   bucket and default object ACLs (role_entity entries such as
#   "READER:allUsers", and the predefined ACLs publicRead,
#   publicReadWrite and authenticatedRead). A grant is reported even on a
#   bucket with public_access_prevention = "enforced", where Cloud Storage
#   refuses to apply it. A member list known only after apply is not
#   judged.
# custom:
#   controls: ["8.3"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:google_storage_bucket_iam_member
#     - resource:google_storage_bucket_iam_binding
#     - resource:google_storage_bucket_iam_policy
#     - resource:google_storage_bucket_access_control
#     - resource:google_storage_default_object_access_control
#     - resource:google_storage_object_access_control
#     - resource:google_storage_bucket_acl
#     - resource:google_storage_default_object_acl
#     - resource:google_storage_object_acl
#   remediation: |
#     Remove allUsers and allAuthenticatedUsers grants; grant roles to named
#     users, groups or service accounts, serve public content through a
#     load balancer with Cloud CDN or signed URLs, and set
#     public_access_prevention = "enforced" on the bucket.
package annexa.controls.c8_3.gcp_storage_public

import data.annexa.lib.gcp
import data.annexa.lib.tf
import data.annexa.lib.values

entity_types := [
	"google_storage_bucket_access_control",
	"google_storage_default_object_access_control",
	"google_storage_object_access_control",
]

acl_types := ["google_storage_bucket_acl", "google_storage_default_object_acl", "google_storage_object_acl"]

# public_predefined are the predefined ACLs that grant to everyone, in
# lower case.
public_predefined := {"publicread", "publicreadwrite", "authenticatedread"}

deny contains finding if {
	some g in grants
	count(g.public) > 0
	finding := {
		"msg": sprintf("%s on bucket %s grants %s to %s", [g.what, g.bucket, g.role, concat(", ", g.public)]),
		"resource": g.id,
		"details": {"members": g.public, "role": g.role},
	}
}

# grants lists every grant whose members are known: its id, what it is,
# the bucket, the role and the public members among its members.
grants contains {"id": r.id, "what": "IAM member", "bucket": bucket(r), "role": role(r), "public": public([m])} if {
	some r in tf.resources("google_storage_bucket_iam_member")
	m := r.attributes.member
	is_string(m)
}

grants contains {"id": r.id, "what": "IAM binding", "bucket": bucket(r), "role": role(r), "public": public(r.attributes.members)} if {
	some r in tf.resources("google_storage_bucket_iam_binding")
	is_array(r.attributes.members)
}

grants contains {"id": r.id, "what": "IAM policy", "bucket": bucket(r), "role": concat(", ", roles), "public": members} if {
	some r in tf.resources("google_storage_bucket_iam_policy")
	policy_known(r)
	bindings := policy_bindings(r)
	members := public([m | some b in bindings; some m in values.array_or_empty(object.get(b, "members", []))])
	roles := sort({values.string_or_empty(object.get(b, "role", "")) |
		some b in bindings
		count(public(values.array_or_empty(object.get(b, "members", [])))) > 0
	})
}

grants contains {"id": r.id, "what": kind(t), "bucket": bucket(r), "role": role(r), "public": public([e])} if {
	some t in entity_types
	some r in tf.resources(t)
	e := r.attributes.entity
	is_string(e)
}

grants contains {"id": r.id, "what": kind(t), "bucket": bucket(r), "role": concat(", ", acl_roles(r)), "public": acl_public(r)} if {
	some t in acl_types
	some r in tf.resources(t)
	acl_known(r)
}

kind(t) := {
	"google_storage_bucket_access_control": "bucket access control",
	"google_storage_default_object_access_control": "default object access control",
	"google_storage_object_access_control": "object access control",
	"google_storage_bucket_acl": "bucket ACL",
	"google_storage_default_object_acl": "default object ACL",
	"google_storage_object_acl": "object ACL",
}[t]

public(members) := sort([m | some m in members; gcp.is_public(m)])

bucket(r) := tf.attribute_or_id(r, "bucket")

role(r) := tf.attribute_or_id(r, "role")

# policy_bindings are the bindings of a bucket IAM policy: its policy_data
# as JSON, or the bindings of the data.google_iam_policy it refers to.
policy_bindings(r) := values.array_or_empty(object.get(json.unmarshal(r.attributes.policy_data), "bindings", [])) if {
	is_string(r.attributes.policy_data)
	json.is_valid(r.attributes.policy_data)
} else := [b |
	some p in object.get(r, ["references", "policy_data"], [])
	some d in policy_documents[p]
	some b in values.array_or_empty(object.get(d.attributes, "binding", []))
]

policy_known(r) if {
	is_string(r.attributes.policy_data)
	json.is_valid(r.attributes.policy_data)
}

policy_known(r) if {
	some p in object.get(r, ["references", "policy_data"], [])
	policy_documents[p]
}

# policy_documents indexes the data.google_iam_policy documents by every
# key a reference can name them by.
policy_documents := {k: {v | some [k2, v] in policy_documents_pairs; k2 == k} | some k in {x | some [x, _] in policy_documents_pairs}}

policy_documents_pairs contains [k, d] if {
	some d in tf.data_sources("google_iam_policy")
	some k in tf.identities(d)
}

# acl_public lists the ACL's public entities: role_entity entries
# "ROLE:allUsers", and the public predefined ACLs by name.
acl_public(r) := sort(array.concat(
	[e | some re in values.array_or_empty(object.get(r.attributes, "role_entity", [])); e := entity(re); gcp.is_public(e)],
	[sprintf("everyone (predefined_acl %s)", [p]) | p := r.attributes.predefined_acl; is_string(p); lower(p) in public_predefined],
))

acl_roles(r) := sort({role |
	some re in values.array_or_empty(object.get(r.attributes, "role_entity", []))
	gcp.is_public(entity(re))
	role := split(re, ":")[0]
} | {"READER" | p := r.attributes.predefined_acl; is_string(p); lower(p) in public_predefined})

entity(re) := substring(re, indexof(re, ":") + 1, -1) if {
	is_string(re)
	contains(re, ":")
}

acl_known(r) if is_array(r.attributes.role_entity)

acl_known(r) if is_string(r.attributes.predefined_acl)

# judged are the grants whose members are known.
judged contains g.id if some g in grants
