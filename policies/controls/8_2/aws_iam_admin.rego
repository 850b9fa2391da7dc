# METADATA
# title: No IAM policy grants every action on every resource
# description: |
#   Privileged access is granted narrowly: no IAM policy document allows "*"
#   (or "*:*") actions on "*" resources, and the AWS managed
#   AdministratorAccess policy is not attached to roles, users or groups
#   declared in code: by a policy attachment resource, in the
#   managed_policy_arns of aws_iam_role, or to an IAM Identity Center
#   permission set (aws_ssoadmin_managed_policy_attachment), in any
#   partition. Policy documents are JSON strings inside the resource
#   (policy, inline_policy, the inline_policy of an IAM Identity Center
#   permission set: aws_ssoadmin_permission_set_inline_policy) or documents
#   built with data.aws_iam_policy_document (read from its json in a plan,
#   from its statement blocks in Terraform source, where its json is only
#   known after apply); documents only known after apply are not judged.
# custom:
#   controls: ["8.2", "5.15"]
#   severity: critical
#   coverage: partial
#   inputs:
#     - resource:aws_iam_policy
#     - resource:aws_iam_role_policy
#     - resource:aws_iam_user_policy
#     - resource:aws_iam_group_policy
#     - resource:aws_iam_role
#     - resource:aws_iam_role_policy_attachment
#     - resource:aws_iam_user_policy_attachment
#     - resource:aws_iam_group_policy_attachment
#     - resource:aws_iam_policy_attachment
#     - resource:aws_iam_policy_document
#     - resource:aws_ssoadmin_managed_policy_attachment
#     - resource:aws_ssoadmin_permission_set_inline_policy
#   remediation: |
#     Grant the specific actions on the specific resources the principal needs
#     (least privilege); keep break-glass administrator access outside
#     day-to-day roles, behind MFA and an approval.
package annexa.controls.c8_2.aws_iam_admin

import data.annexa.lib.aws
import data.annexa.lib.tf

policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

attachment_types := [
	"aws_iam_role_policy_attachment",
	"aws_iam_user_policy_attachment",
	"aws_iam_group_policy_attachment",
	"aws_iam_policy_attachment",
]

admin_policy_arn_suffix := ":iam::aws:policy/AdministratorAccess"

deny contains finding if {
	some t in policy_types
	some r in tf.resources(t)
	some sid in admin_statements(aws.policy_statements(r, "policy"))
	finding := {
		"msg": sprintf("IAM policy allows every action on every resource%s", [sid]),
		"resource": r.id,
	}
}

deny contains finding if {
	some r in tf.resources("aws_iam_role")
	some inline in object.get(r.attributes, "inline_policy", [])
	some sid in admin_statements(aws.json_statements(object.get(inline, "policy", null)))
	finding := {
		"msg": sprintf("IAM role inline policy %q allows every action on every resource%s", [object.get(inline, "name", ""), sid]),
		"resource": r.id,
	}
}

deny contains finding if {
	some t in attachment_types
	some a in tf.resources(t)
	is_string(a.attributes.policy_arn)
	endswith(a.attributes.policy_arn, admin_policy_arn_suffix)
	finding := {
		"msg": "the AWS managed AdministratorAccess policy is attached",
		"resource": a.id,
	}
}

deny contains finding if {
	some r in tf.resources("aws_iam_role")
	some arn in object.get(r.attributes, "managed_policy_arns", [])
	admin_policy_arn(arn)
	finding := {
		"msg": sprintf("IAM role %s has the AWS managed AdministratorAccess policy in managed_policy_arns", [tf.display_name(r)]),
		"resource": r.id,
	}
}

deny contains finding if {
	some r in tf.resources("aws_ssoadmin_permission_set_inline_policy")
	some sid in admin_statements(aws.policy_statements(r, "inline_policy"))
	finding := {
		"msg": sprintf("IAM Identity Center permission set inline policy allows every action on every resource%s", [sid]),
		"resource": r.id,
	}
}

deny contains finding if {
	some a in tf.resources("aws_ssoadmin_managed_policy_attachment")
	admin_policy_arn(object.get(a.attributes, "managed_policy_arn", null))
	finding := {
		"msg": "the AWS managed AdministratorAccess policy is attached to an IAM Identity Center permission set",
		"resource": a.id,
	}
}

admin_policy_arn(arn) if {
	is_string(arn)
	endswith(arn, admin_policy_arn_suffix)
}

# admin_statements yields, for each Allow statement of a policy document that
# grants all actions on all resources, its Sid as " (statement SID)" or "".
admin_statements(statements) := {sid_label(s) |
	some s in statements
	s.effect == "Allow"
	some action in s.actions
	action in {"*", "*:*"}
	some resource in s.resources
	resource == "*"
}

sid_label(s) := sprintf(" (statement %s)", [s.sid]) if {
	is_string(s.sid)
	s.sid != ""
} else := ""

# judged are the IAM policies and roles with a policy document it can
# read, the roles with a known managed policy ARN, and the policy
# attachments (permission set ones included) whose policy is known.
judged contains r.id if {
	some t in policy_types
	some r in tf.resources(t)
	aws.policy_known(r, "policy")
}

judged contains r.id if {
	some r in tf.resources("aws_iam_role")
	some inline in object.get(r.attributes, "inline_policy", [])
	aws.json_document(object.get(inline, "policy", null))
}

judged contains a.id if {
	some t in attachment_types
	some a in tf.resources(t)
	is_string(a.attributes.policy_arn)
}

judged contains r.id if {
	some r in tf.resources("aws_iam_role")
	some arn in object.get(r.attributes, "managed_policy_arns", [])
	is_string(arn)
}

judged contains r.id if {
	some r in tf.resources("aws_ssoadmin_permission_set_inline_policy")
	aws.policy_known(r, "inline_policy")
}

judged contains a.id if {
	some a in tf.resources("aws_ssoadmin_managed_policy_attachment")
	is_string(object.get(a.attributes, "managed_policy_arn", null))
}
