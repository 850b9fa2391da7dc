package annexa.controls.c8_7.aws_guardduty_test

import data.annexa.controls.c8_7.aws_guardduty as check
import data.annexa.lib.testing

malware(on) := [{
	"s3_logs": [{"enable": true}],
	"kubernetes": [{"audit_logs": [{"enable": true}]}],
	"malware_protection": [{"scan_ec2_instance_with_findings": [{"ebs_volumes": [{"enable": on}]}]}],
}]

test_pass_enabled_with_malware_protection if {
	d := testing.resource("aws_guardduty_detector", "main", {"enable": true, "datasources": malware(true)})
	f := testing.with_refs(
		testing.resource("aws_guardduty_detector_feature", "ebs", {"name": "EBS_MALWARE_PROTECTION", "status": "ENABLED"}),
		{"detector_id": ["aws_guardduty_detector.main"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([d, f])
}

test_fail_detector_off if {
	d := testing.resource("aws_guardduty_detector", "main", {"enable": false})
	check.deny == {{"msg": "GuardDuty detector is switched off", "resource": "aws_guardduty_detector.main"}} with data.facts as testing.facts([d])
}

test_fail_legacy_malware_protection_off if {
	d := testing.resource("aws_guardduty_detector", "main", {"enable": true, "datasources": malware(false)})
	findings := check.deny with data.facts as testing.facts([d])
	{f.msg | some f in findings} == {"GuardDuty detector has malware protection for EC2 switched off"}
}

test_fail_feature_disabled if {
	f := testing.resource("aws_guardduty_detector_feature", "ebs", {"name": "EBS_MALWARE_PROTECTION", "status": "DISABLED"})
	count(check.deny) == 1 with data.facts as testing.facts([f])
}

test_pass_other_feature_disabled if {
	f := testing.resource("aws_guardduty_detector_feature", "lambda", {"name": "LAMBDA_NETWORK_LOGS", "status": "DISABLED"})
	count(check.deny) == 0 with data.facts as testing.facts([f])
}

test_pass_judges_detectors_and_malware_features if {
	d := testing.resource("aws_guardduty_detector", "main", {"enable": true})
	ebs := testing.resource("aws_guardduty_detector_feature", "ebs", {"name": "EBS_MALWARE_PROTECTION", "status": "ENABLED"})
	other := testing.resource("aws_guardduty_detector_feature", "lambda", {"name": "LAMBDA_NETWORK_LOGS", "status": "DISABLED"})
	check.judged == {"aws_guardduty_detector.main", "aws_guardduty_detector_feature.ebs"} with data.facts as testing.facts([d, ebs, other])
	count(check.judged) == 0 with data.facts as testing.facts([other])
}
