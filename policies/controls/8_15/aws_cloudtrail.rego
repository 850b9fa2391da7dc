# METADATA
# title: CloudTrail records every region with log file validation
# description: |
#   API activity is logged by a CloudTrail trail that covers all regions,
#   is switched on, and writes digest files so that tampering with the log
#   files can be detected.
# custom:
#   controls: ["8.15"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:aws_cloudtrail"]
#   remediation: |
#     Set is_multi_region_trail = true, enable_log_file_validation = true and
#     keep enable_logging = true on the trail.
package annexa.controls.c8_15.aws_cloudtrail

import data.annexa.lib.tf

checks := {
	"is_multi_region_trail": "does not cover all regions",
	"enable_log_file_validation": "has log file validation off",
	"enable_logging": "has logging switched off",
}

deny contains finding if {
	some t in tf.resources("aws_cloudtrail")
	problems := [msg |
		some attr, msg in checks
		tf.explicitly_false(t, attr)
	]
	count(problems) > 0
	finding := {
		"msg": sprintf("CloudTrail trail %s", [concat(" and ", sort(problems))]),
		"resource": t.id,
	}
}

# judged are the trails with one of the settings it checks known.
judged contains t.id if {
	some t in tf.resources("aws_cloudtrail")
	some attr, _ in checks
	is_boolean(t.attributes[attr])
}
