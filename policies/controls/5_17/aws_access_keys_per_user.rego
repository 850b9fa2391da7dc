# METADATA
# title: IAM users have at most one active access key
# description: |
#   No IAM user has more than one active access key (aws_iam_access_key
#   with status Active, by its user) (CIS AWS Foundations 3.0.0 1.13): a
#   second key is for the few days of a rotation, and one left active is a
#   credential nobody rotates. The keys counted are those of one source
#   (file or account). An account read live or from its snapshot lists
#   every key, so each of its users with an active key is judged. A plan or
#   source may not hold every key of a user (keys made in the console or by
#   another configuration), so there only the users with two or more active
#   keys are judged (and fail); a user with one active key there is not
#   known to have only one, and is not judged.
# custom:
#   controls: ["5.17", "8.5"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:aws_iam_access_key"]
#   remediation: |
#     Finish the rotation: move the user's clients to the newest key, then
#     deactivate and delete the other active keys.
package annexa.controls.c5_17.aws_access_keys_per_user

import data.annexa.lib.aws
import data.annexa.lib.tf

# active groups the active keys by [source file, user name].
active := {k: {v | some [k2, v] in active_pairs; k2 == k} | some k in {x | some [x, _] in active_pairs}}

active_pairs contains [[k.source.file, k.attributes.user], k] if {
	some k in tf.resources("aws_iam_access_key")
	k.attributes.status == "Active"
	is_string(k.attributes.user)
}

deny contains finding if {
	some owner, keys in active
	count(keys) > 1
	ids := sort([k.id | some k in keys])
	some k in keys
	finding := {
		"msg": sprintf("IAM user %s has %d active access keys", [owner[1], count(keys)]),
		"resource": k.id,
		"details": {"user": owner[1], "active_keys": ids},
	}
}

# judged are the active keys of a user with more than one, and every
# active key read from an account, where a user's keys are all known.
judged contains k.id if {
	some _, keys in active
	count(keys) > 1
	some k in keys
}

judged contains k.id if {
	some _, keys in active
	some k in keys
	aws.live(k)
}
