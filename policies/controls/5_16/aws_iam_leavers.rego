# METADATA
# title: No AWS IAM user belongs to someone who has left
# description: |
#   No IAM user in the configuration belongs to a person whose end date in
#   the personnel register has passed (and who has not been rehired): the
#   user's name equals the person's id or the part of it before the @, or
#   one of its tags (tags_all, else tags) has the person's id as its value.
#   The check needs the personnel register, so that is its declared input;
#   without one nothing is judged.
# custom:
#   controls: ["5.16", "5.18"]
#   severity: high
#   coverage: supporting
#   inputs: ["evidence:personnel_register"]
#   remediation: |
#     Remove the IAM user (and its access keys and login profile) of each
#     leaver; prefer federated access through an identity provider, which
#     ends with the leaver's directory account.
package annexa.controls.c5_16.aws_iam_leavers

import data.annexa.lib.evidence
import data.annexa.lib.tf

leavers := [p | some p in evidence.leavers; not p.id in evidence.active_people]

# by_id and by_local map a leaver's id, and the part of it before the @,
# (lower case) to the leavers' positions, so that each user is looked up
# rather than compared with every leaver.
by_id := {k: {v | some [k2, v] in by_id_pairs; k2 == k} | some k in {x | some [x, _] in by_id_pairs}}

by_id_pairs contains [lower(p.id), i] if some i, p in leavers

by_local := {k: {v | some [k2, v] in by_local_pairs; k2 == k} | some k in {x | some [x, _] in by_local_pairs}}

by_local_pairs contains [lower(split(p.id, "@")[0]), i] if some i, p in leavers

deny contains f if {
	ids := by_id
	locals := by_local
	some u in tf.resources("aws_iam_user")
	some i in matches(u, ids, locals)
	p := leavers[i]
	f := {
		"msg": sprintf("IAM user %s belongs to %s, who left on %s", [tf.attribute_or_id(u, "name"), p.id, evidence.day(p.end_date)]),
		"resource": u.id,
		"details": {"person": p.id},
	}
}

# matches are the positions of the leavers a user belongs to: its name is
# the person's id or the part before the @, or one of its tags has the
# person's id as its value.
matches(user, ids, locals) := {i |
	some key in names(user)
	some i in (object.get(ids, key, set()) | object.get(locals, key, set()))
} | {i |
	some v in user_tags(user)
	is_string(v)
	some i in object.get(ids, lower(v), set())
}

names(user) := {lower(user.attributes.name)} if is_string(user.attributes.name)

else := set()

user_tags(user) := user.attributes.tags_all if is_object(user.attributes.tags_all)

else := user.attributes.tags if is_object(user.attributes.tags)

else := {}

judged contains u.id if {
	count(leavers) > 0
	some u in tf.resources("aws_iam_user")
}
