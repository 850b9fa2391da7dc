package annexa.controls.c8_15.aws_cloudtrail_test

import data.annexa.controls.c8_15.aws_cloudtrail as check
import data.annexa.lib.testing

test_pass_multi_region_validated if {
	facts := testing.facts([testing.resource("aws_cloudtrail", "main", {
		"is_multi_region_trail": true, "enable_log_file_validation": true, "enable_logging": true,
		"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*",
	})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_single_region_unvalidated if {
	facts := testing.facts([testing.resource("aws_cloudtrail", "main", {
		"is_multi_region_trail": false, "enable_log_file_validation": false, "enable_logging": true,
		"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*",
	})])
	check.deny == {{
		"msg": "CloudTrail trail does not cover all regions and has log file validation off",
		"resource": "aws_cloudtrail.main",
	}} with data.facts as facts
}

test_fail_logging_off if {
	facts := testing.facts([testing.resource("aws_cloudtrail", "main", {
		"is_multi_region_trail": true, "enable_log_file_validation": true, "enable_logging": false,
		"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*",
	})])
	count(check.deny) == 1 with data.facts as facts
}

test_pass_judges_known_trails if {
	facts := testing.facts([testing.resource("aws_cloudtrail", "main", {"is_multi_region_trail": true})])
	check.judged == {"aws_cloudtrail.main"} with data.facts as facts
	u := object.union(testing.resource("aws_cloudtrail", "main", {}), {"unknown": ["is_multi_region_trail", "enable_log_file_validation", "enable_logging", "cloud_watch_logs_group_arn"]})
	count(check.judged) == 0 with data.facts as testing.facts([u])
}

test_fail_no_cloudwatch_logs if {
	t := testing.resource("aws_cloudtrail", "main", {"is_multi_region_trail": true, "enable_log_file_validation": true, "enable_logging": true})
	check.deny == {{"msg": "CloudTrail trail does not deliver its events to CloudWatch Logs", "resource": "aws_cloudtrail.main"}} with data.facts as testing.facts([t])
	referenced := testing.with_refs(t, {"cloud_watch_logs_group_arn": ["aws_cloudwatch_log_group.trail"]})
	count(check.deny) == 0 with data.facts as testing.facts([referenced])
}

test_fail_global_service_events_off if {
	facts := testing.facts([testing.resource("aws_cloudtrail", "org", {
		"is_multi_region_trail": true, "enable_log_file_validation": true, "enable_logging": true,
		"include_global_service_events": false,
		"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*",
	})])
	check.deny == {{
		"msg": "CloudTrail trail does not record global service events",
		"resource": "aws_cloudtrail.org",
	}} with data.facts as facts
	check.judged == {"aws_cloudtrail.org"} with data.facts as facts
}

test_pass_global_service_events_on if {
	facts := testing.facts([testing.resource("aws_cloudtrail", "main", {
		"is_multi_region_trail": true, "enable_log_file_validation": true,
		"include_global_service_events": true,
		"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*",
	})])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"aws_cloudtrail.main"} with data.facts as facts
}
