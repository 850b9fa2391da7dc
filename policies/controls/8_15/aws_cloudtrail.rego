# METADATA
# title: CloudTrail records every region with log file validation
# description: |
#   API activity is logged by a CloudTrail trail that covers all regions
#   and the global services (IAM, STS, CloudFront:
#   include_global_service_events is not false), is switched on, writes
#   digest files so that tampering with the log files can be detected (CIS
#   AWS Foundations 3.0.0 3.1, 3.2), and delivers its events to CloudWatch
#   Logs (cloud_watch_logs_group_arn) so that they can be monitored and
#   alarmed on (CIS AWS Foundations 2.0.0 3.4; the 3.0.0 monitoring
#   section 4 needs it). Left out, is_multi_region_trail and
#   enable_log_file_validation are false and enable_logging and
#   include_global_service_events true (the provider's defaults), and no
#   CloudWatch Logs group is set; a log group only known after apply
#   counts as set.
# custom:
#   controls: ["8.15"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:aws_cloudtrail"]
#   remediation: |
#     Set is_multi_region_trail = true, enable_log_file_validation = true
#     and keep enable_logging and include_global_service_events true on
#     the trail; set cloud_watch_logs_group_arn (with
#     cloud_watch_logs_role_arn) to a log group.
package annexa.controls.c8_15.aws_cloudtrail

import data.annexa.lib.tf

checks := {
	"is_multi_region_trail": "does not cover all regions",
	"enable_log_file_validation": "has log file validation off",
	"enable_logging": "has logging switched off",
	"include_global_service_events": "does not record global service events",
}

deny contains finding if {
	some t in tf.resources("aws_cloudtrail")
	problems := array.concat(
		[msg |
			some attr, msg in checks
			tf.explicitly_false(t, attr)
		],
		[msg |
			not tf.configured(t, "cloud_watch_logs_group_arn")
			msg := "does not deliver its events to CloudWatch Logs"
		],
	)
	count(problems) > 0
	finding := {
		"msg": sprintf("CloudTrail trail %s", [concat(" and ", sort(problems))]),
		"resource": t.id,
	}
}

# judged are the trails with one of the settings it checks known.
# judged are the trails with a setting it checks known: a switch, or the
# CloudWatch Logs group known set or known absent (one only known after
# apply, or taken from another resource, decides nothing).
judged contains t.id if {
	some t in tf.resources("aws_cloudtrail")
	some attr, _ in checks
	is_boolean(t.attributes[attr])
}

judged contains t.id if {
	some t in tf.resources("aws_cloudtrail")
	not tf.configured(t, "cloud_watch_logs_group_arn")
}

judged contains t.id if {
	some t in tf.resources("aws_cloudtrail")
	tf.has_value(t, "cloud_watch_logs_group_arn")
}
