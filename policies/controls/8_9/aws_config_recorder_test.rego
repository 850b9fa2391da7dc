package annexa.controls.c8_9.aws_config_recorder_test

import data.annexa.controls.c8_9.aws_config_recorder as check
import data.annexa.lib.testing

recorder(all_supported) := testing.resource("aws_config_configuration_recorder", "main", {
	"name": "acme-config",
	"recording_group": [{"all_supported": all_supported, "include_global_resource_types": true, "resource_types": []}],
})

status(enabled) := testing.with_refs(
	testing.resource("aws_config_configuration_recorder_status", "main", {"name": "acme-config", "is_enabled": enabled}),
	{"name": ["aws_config_configuration_recorder.main"]},
)

test_pass_started_all_types if {
	count(check.deny) == 0 with data.facts as testing.facts([recorder(true), status(true)])
}

test_pass_linked_by_name if {
	s := testing.resource("aws_config_configuration_recorder_status", "main", {"name": "acme-config", "is_enabled": true})
	count(check.deny) == 0 with data.facts as testing.facts([recorder(true), s])
}

test_pass_default_name if {
	r := testing.resource("aws_config_configuration_recorder", "main", {"role_arn": "arn:aws:iam::739275460217:role/config"})
	s := testing.resource("aws_config_configuration_recorder_status", "main", {"name": "default", "is_enabled": true})
	count(check.deny) == 0 with data.facts as testing.facts([r, s])
}

test_fail_unknown_name_is_not_default if {
	r := object.union(testing.resource("aws_config_configuration_recorder", "main", {}), {"unknown": ["name"]})
	s := testing.resource("aws_config_configuration_recorder_status", "main", {"name": "default", "is_enabled": true})
	{f.resource | some f in check.deny} == {"aws_config_configuration_recorder.main"} with data.facts as testing.facts([r, s])
}

test_fail_never_started if {
	check.deny == {{
		"msg": "AWS Config recorder is never started: no aws_config_configuration_recorder_status with is_enabled = true names it",
		"resource": "aws_config_configuration_recorder.main",
	}} with data.facts as testing.facts([recorder(true)])
}

test_fail_stopped if {
	findings := check.deny with data.facts as testing.facts([recorder(true), status(false)])
	{f.resource | some f in findings} == {"aws_config_configuration_recorder.main", "aws_config_configuration_recorder_status.main"}
}

test_fail_selected_types_only if {
	findings := check.deny with data.facts as testing.facts([recorder(false), status(true)])
	{f.msg | some f in findings} == {"AWS Config recorder records only selected resource types (all_supported is false)"}
}

test_pass_judges_recorders_and_statuses if {
	check.judged == {"aws_config_configuration_recorder.main", "aws_config_configuration_recorder_status.main"} with data.facts as testing.facts([recorder(true), status(true)])
	unknown := object.union(testing.resource("aws_config_configuration_recorder_status", "main", {"name": "x"}), {"unknown": ["is_enabled"]})
	count(check.judged) == 0 with data.facts as testing.facts([unknown])
}
