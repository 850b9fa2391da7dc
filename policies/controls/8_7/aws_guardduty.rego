# METADATA
# title: GuardDuty is on and scans EC2 volumes for malware
# description: |
#   Each aws_guardduty_detector is enabled (enable, true by default), and
#   GuardDuty Malware Protection for EC2, which scans the EBS volumes of
#   instances GuardDuty finds behaving suspiciously, is not switched off:
#   neither in the detector's legacy datasources block
#   (malware_protection.scan_ec2_instance_with_findings.ebs_volumes.enable)
#   nor by an aws_guardduty_detector_feature named EBS_MALWARE_PROTECTION
#   with status DISABLED. Whether GuardDuty is enabled at all in an account
#   this plan does not manage is not visible here.
# custom:
#   controls: ["8.7"]
#   severity: high
#   coverage: partial
#   inputs:
#     - resource:aws_guardduty_detector
#     - resource:aws_guardduty_detector_feature
#   remediation: |
#     Keep enable = true on the detector and add an
#     aws_guardduty_detector_feature { name = "EBS_MALWARE_PROTECTION",
#     status = "ENABLED" } (or enable it for the organization with
#     aws_guardduty_organization_configuration_feature).
package annexa.controls.c8_7.aws_guardduty

import data.annexa.lib.tf

deny contains finding if {
	some d in tf.resources("aws_guardduty_detector")
	tf.explicitly_false(d, "enable")
	finding := {"msg": "GuardDuty detector is switched off", "resource": d.id}
}

deny contains finding if {
	some d in tf.resources("aws_guardduty_detector")
	some ds in object.get(d.attributes, "datasources", [])
	some mp in object.get(ds, "malware_protection", [])
	some scan in object.get(mp, "scan_ec2_instance_with_findings", [])
	some ebs in object.get(scan, "ebs_volumes", [])
	ebs.enable == false
	finding := {"msg": "GuardDuty detector has malware protection for EC2 switched off", "resource": d.id}
}

deny contains finding if {
	some f in tf.resources("aws_guardduty_detector_feature")
	f.attributes.name == "EBS_MALWARE_PROTECTION"
	f.attributes.status == "DISABLED"
	finding := {"msg": "GuardDuty feature EBS_MALWARE_PROTECTION is disabled", "resource": f.id}
}

# judged are the detectors whose switch or EC2 malware protection is
# known, and the EBS malware protection features with a known status.
judged contains d.id if {
	some d in tf.resources("aws_guardduty_detector")
	is_boolean(d.attributes.enable)
}

judged contains d.id if {
	some d in tf.resources("aws_guardduty_detector")
	some ds in object.get(d.attributes, "datasources", [])
	some mp in object.get(ds, "malware_protection", [])
	some scan in object.get(mp, "scan_ec2_instance_with_findings", [])
	some ebs in object.get(scan, "ebs_volumes", [])
	is_boolean(ebs.enable)
}

judged contains f.id if {
	some f in tf.resources("aws_guardduty_detector_feature")
	f.attributes.name == "EBS_MALWARE_PROTECTION"
	is_string(f.attributes.status)
}
