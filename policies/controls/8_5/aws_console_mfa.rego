# METADATA
# title: IAM users with a console password have MFA
# description: |
#   Every IAM user with a console password (aws_iam_user_login_profile)
#   has an MFA device (aws_iam_virtual_mfa_device with its user_name; the
#   live provider lists hardware and FIDO devices as this type too) (CIS AWS
#   Foundations 3.0.0 1.10). Only facts read from the account (the live
#   AWS provider or its snapshot) are judged: there the devices listed are
#   every device the user has. In a Terraform plan or source a user's MFA
#   enrolment is not known (a device enrolled in the console is in no
#   configuration), so a login profile there is not judged, and no finding
#   is reported: unknown is not judged, where an argument left out would
#   be. The devices counted are those of the same account read (source
#   file).
# custom:
#   controls: ["8.5"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:aws_iam_user_login_profile"]
#   remediation: |
#     Have the user enrol an MFA device (virtual, FIDO security key or
#     hardware token) before signing in to the console again, or remove
#     the console password of a user who does not need the console.
package annexa.controls.c8_5.aws_console_mfa

import data.annexa.lib.aws
import data.annexa.lib.tf

# profiles are the console passwords read from an account.
profiles contains p if {
	some p in tf.resources("aws_iam_user_login_profile")
	aws.live(p)
	is_string(p.attributes.user)
}

# enrolled are the users with an MFA device, as [source file, user name].
enrolled contains [d.source.file, d.attributes.user_name] if {
	some d in tf.resources("aws_iam_virtual_mfa_device")
	aws.live(d)
	is_string(d.attributes.user_name)
}

deny contains finding if {
	some p in profiles
	not [p.source.file, p.attributes.user] in enrolled
	finding := {
		"msg": sprintf("IAM user %s has a console password and no MFA device", [p.attributes.user]),
		"resource": p.id,
		"details": {"user": p.attributes.user},
	}
}

# judged are the console passwords read from an account; those of a plan
# or source are not, as their users' MFA is not known.
judged contains p.id if {
	some p in profiles
}
