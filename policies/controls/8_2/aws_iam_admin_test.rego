package annexa.controls.c8_2.aws_iam_admin_test

import data.annexa.controls.c8_2.aws_iam_admin as check
import data.annexa.lib.testing

doc(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

test_pass_scoped_policy if {
	p := testing.resource("aws_iam_policy", "app", {"policy": doc([{
		"Effect": "Allow",
		"Action": ["s3:GetObject", "s3:PutObject"],
		"Resource": "arn:aws:s3:::acme-uploads/*",
	}])})
	count(check.deny) == 0 with data.facts as testing.facts([p])
}

test_fail_star_on_star if {
	p := testing.resource("aws_iam_policy", "admin", {"policy": doc([{"Effect": "Allow", "Action": "*", "Resource": "*"}])})
	check.deny == {{
		"msg": "IAM policy allows every action on every resource",
		"resource": "aws_iam_policy.admin",
	}} with data.facts as testing.facts([p])
}

test_fail_star_in_lists_with_sid if {
	p := testing.resource("aws_iam_role_policy", "r", {"policy": doc([
		{"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"]},
		{"Sid": "All", "Effect": "Allow", "Action": ["ec2:Describe*", "*:*"], "Resource": ["arn:aws:s3:::x", "*"]},
	])})
	findings := check.deny with data.facts as testing.facts([p])
	{f.msg | some f in findings} == {"IAM policy allows every action on every resource (statement All)"}
}

test_pass_deny_statement if {
	p := testing.resource("aws_iam_policy", "guard", {"policy": doc([{"Effect": "Deny", "Action": "*", "Resource": "*"}])})
	count(check.deny) == 0 with data.facts as testing.facts([p])
}

test_pass_unparseable_or_unknown_policy_not_judged if {
	a := testing.resource("aws_iam_policy", "a", {"policy": "{not json"})
	b := testing.resource("aws_iam_policy", "b", {})
	count(check.deny) == 0 with data.facts as testing.facts([a, b])
}

test_fail_role_inline_policy if {
	r := testing.resource("aws_iam_role", "ops", {"inline_policy": [{
		"name": "everything",
		"policy": doc([{"Effect": "Allow", "Action": "*", "Resource": "*"}]),
	}]})
	count(check.deny) == 1 with data.facts as testing.facts([r])
}

test_fail_administrator_access_attached if {
	a := testing.resource("aws_iam_role_policy_attachment", "ops", {"policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"})
	count(check.deny) == 1 with data.facts as testing.facts([a])
}

test_pass_read_only_attached if {
	a := testing.resource("aws_iam_role_policy_attachment", "ops", {"policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	count(check.deny) == 0 with data.facts as testing.facts([a])
}

test_pass_judges_readable_policies if {
	p := testing.resource("aws_iam_policy", "app", {"policy": doc([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])})
	a := testing.resource("aws_iam_role_policy_attachment", "ops", {"policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	check.judged == {"aws_iam_policy.app", "aws_iam_role_policy_attachment.ops"} with data.facts as testing.facts([p, a])
}

test_pass_unparseable_or_unknown_policy_judges_nothing if {
	a := testing.resource("aws_iam_policy", "a", {"policy": "{not json"})
	b := testing.resource("aws_iam_policy", "b", {})
	role := testing.resource("aws_iam_role", "r", {})
	count(check.judged) == 0 with data.facts as testing.facts([a, b, role])
}

test_fail_role_managed_policy_arns_admin if {
	role := testing.resource("aws_iam_role", "deployer", {"name": "deployer", "managed_policy_arns": [
		"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
		"arn:aws-us-gov:iam::aws:policy/AdministratorAccess",
	]})
	findings := check.deny with data.facts as testing.facts([role])
	{f.resource | some f in findings} == {"aws_iam_role.deployer"}
	some f in findings
	contains(f.msg, "managed_policy_arns")
}

test_pass_role_managed_policy_arns_scoped if {
	role := testing.resource("aws_iam_role", "auditor", {"name": "auditor", "managed_policy_arns": ["arn:aws:iam::aws:policy/SecurityAudit"]})
	count(check.deny) == 0 with data.facts as testing.facts([role])
	check.judged == {"aws_iam_role.auditor"} with data.facts as testing.facts([role])
}

test_fail_permission_set_admin if {
	a := testing.resource("aws_ssoadmin_managed_policy_attachment", "ops", {"managed_policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"})
	findings := check.deny with data.facts as testing.facts([a])
	{f.resource | some f in findings} == {"aws_ssoadmin_managed_policy_attachment.ops"}
}

test_pass_permission_set_read_only_and_unknown if {
	ro := testing.resource("aws_ssoadmin_managed_policy_attachment", "ro", {"managed_policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	later := object.union(testing.resource("aws_ssoadmin_managed_policy_attachment", "later", {}), {"unknown": ["managed_policy_arn"]})
	count(check.deny) == 0 with data.facts as testing.facts([ro, later])
	check.judged == {"aws_ssoadmin_managed_policy_attachment.ro"} with data.facts as testing.facts([ro, later])
}

test_fail_identity_center_permission_set_inline_policy if {
	doc := {"Version": "2012-10-17", "Statement": [{"Sid": "All", "Effect": "Allow", "Action": ["s3:ListBucket", "*"], "Resource": ["arn:aws:s3:::acme-data", "*"]}]}
	r := testing.resource("aws_ssoadmin_permission_set_inline_policy", "ops", {"inline_policy": json.marshal(doc)})
	facts := testing.facts([r])
	check.deny == {{
		"msg": "IAM Identity Center permission set inline policy allows every action on every resource (statement All)",
		"resource": "aws_ssoadmin_permission_set_inline_policy.ops",
	}} with data.facts as facts
	check.judged == {"aws_ssoadmin_permission_set_inline_policy.ops"} with data.facts as facts
}

test_pass_identity_center_permission_set_inline_policy_narrow if {
	doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-data/*"}]}
	r := testing.resource("aws_ssoadmin_permission_set_inline_policy", "ops", {"inline_policy": json.marshal(doc)})
	count(check.deny) == 0 with data.facts as testing.facts([r])
}
