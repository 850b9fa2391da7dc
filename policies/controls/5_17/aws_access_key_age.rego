# METADATA
# title: Active IAM access keys are rotated
# description: |
#   No active IAM user access key (aws_iam_access_key with status Active)
#   was created more than aws_access_key_max_age_days (90) days before the
#   run's effective time (CIS AWS Foundations 3.0.0 1.14); the age is read
#   from create_date, never from the clock. A key whose status or
#   create_date is not known (a key a plan creates: AWS sets the date) is
#   not judged; an inactive key is judged and passes. The live AWS
#   provider does not collect when a key was last used, so unused keys
#   (CIS 1.12) are not checked.
# custom:
#   controls: ["5.17", "8.5"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:aws_iam_access_key"]
#   remediation: |
#     Create a new access key for the user, move its clients to it, then
#     deactivate and delete the old key; rotate every
#     aws_access_key_max_age_days days.
#   parameters: ["aws_access_key_max_age_days"]
package annexa.controls.c5_17.aws_access_key_age

import data.annexa.lib.evidence
import data.annexa.lib.params
import data.annexa.lib.tf

max_age_days := params.value("aws_access_key_max_age_days")

deny contains finding if {
	some k in tf.resources("aws_iam_access_key")
	k.attributes.status == "Active"
	created := created_at(k)
	evidence.older_than_days(created, max_age_days)
	finding := {
		"msg": sprintf("active access key of user %s was created %s, more than %d days ago", [object.get(k.attributes, "user", "?"), evidence.day(created), max_age_days]),
		"resource": k.id,
		"details": {"create_date": created, "max_age_days": max_age_days},
	}
}

# created_at is a key's creation time, when known.
created_at(k) := d if {
	d := k.attributes.create_date
	is_string(d)
	d != ""
}

# judged are the keys known to be inactive, and the active keys whose
# creation date is known.
judged contains k.id if {
	some k in tf.resources("aws_iam_access_key")
	k.attributes.status == "Inactive"
}

judged contains k.id if {
	some k in tf.resources("aws_iam_access_key")
	k.attributes.status == "Active"
	created_at(k)
}
