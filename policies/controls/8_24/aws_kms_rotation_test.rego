package annexa.controls.c8_24.aws_kms_rotation_test

import data.annexa.controls.c8_24.aws_kms_rotation as check
import data.annexa.lib.testing

test_pass_rotation_enabled if {
	facts := testing.facts([testing.resource("aws_kms_key", "k", {"enable_key_rotation": true, "customer_master_key_spec": "SYMMETRIC_DEFAULT"})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_rotation_disabled if {
	facts := testing.facts([testing.resource("aws_kms_key", "k", {"enable_key_rotation": false, "customer_master_key_spec": "SYMMETRIC_DEFAULT"})])
	check.deny == {{"msg": "KMS key does not rotate automatically", "resource": "aws_kms_key.k"}} with data.facts as facts
}

test_pass_asymmetric_key_not_judged if {
	facts := testing.facts([testing.resource("aws_kms_key", "sign", {"enable_key_rotation": false, "customer_master_key_spec": "ECC_NIST_P256", "key_usage": "SIGN_VERIFY"})])
	count(check.deny) == 0 with data.facts as facts
}

test_pass_judges_symmetric_keys if {
	facts := testing.facts([testing.resource("aws_kms_key", "k", {"enable_key_rotation": true, "customer_master_key_spec": "SYMMETRIC_DEFAULT"})])
	check.judged == {"aws_kms_key.k"} with data.facts as facts
}

test_pass_asymmetric_key_judges_nothing if {
	facts := testing.facts([testing.resource("aws_kms_key", "sign", {"enable_key_rotation": false, "customer_master_key_spec": "ECC_NIST_P256", "key_usage": "SIGN_VERIFY"})])
	count(check.judged) == 0 with data.facts as facts
}

test_fail_rotation_period_too_long if {
	k := testing.resource("aws_kms_key", "k", {"enable_key_rotation": true, "rotation_period_in_days": 730})
	count(check.deny) == 1 with data.facts as testing.facts([k])
	count(check.deny) == 0 with data.facts as object.union(testing.facts([k]), {"parameters": {"aws_kms_rotation_max_days": 730}})
}
