package annexa.controls.c8_15.gcp_audit_logs_test

import data.annexa.controls.c8_15.gcp_audit_logs as check
import data.annexa.lib.testing

config(service, logs) := testing.resource("google_project_iam_audit_config", "all", {
	"project": "acme-analytics-prod",
	"service": service,
	"audit_log_config": logs,
})

all_three := [
	{"log_type": "ADMIN_READ", "exempted_members": []},
	{"log_type": "DATA_READ", "exempted_members": []},
	{"log_type": "DATA_WRITE", "exempted_members": []},
]

test_pass_all_services_all_types if {
	count(check.deny) == 0 with data.facts as testing.facts([config("allServices", all_three)])
}

test_fail_data_logs_missing if {
	c := config("allServices", [{"log_type": "ADMIN_READ", "exempted_members": []}])
	findings := check.deny with data.facts as testing.facts([c])
	count(findings) == 1
	some f in findings
	f.msg == "audit config for allServices does not log DATA_READ, DATA_WRITE"
}

test_fail_exempted_member if {
	c := testing.resource("google_organization_iam_audit_config", "storage", {
		"org_id": "284619735501",
		"service": "storage.googleapis.com",
		"audit_log_config": [{"log_type": "DATA_READ", "exempted_members": ["serviceAccount:etl@acme-analytics-prod.iam.gserviceaccount.com"]}],
	})
	check.deny == {{
		"msg": "audit config for storage.googleapis.com exempts serviceAccount:etl@acme-analytics-prod.iam.gserviceaccount.com from DATA_READ logging",
		"resource": "google_organization_iam_audit_config.storage",
		"details": {"exempted_members": ["serviceAccount:etl@acme-analytics-prod.iam.gserviceaccount.com"]},
	}} with data.facts as testing.facts([c])
}

test_pass_single_service_config_need_not_list_all_types if {
	c := config("bigquery.googleapis.com", [{"log_type": "DATA_READ", "exempted_members": []}])
	count(check.deny) == 0 with data.facts as testing.facts([c])
}

test_pass_judges_known_configs if {
	check.judged == {"google_project_iam_audit_config.all"} with data.facts as testing.facts([config("allServices", all_three)])
	u := object.union(testing.resource("google_project_iam_audit_config", "all", {"service": "allServices"}), {"unknown": ["audit_log_config"]})
	count(check.judged) == 0 with data.facts as testing.facts([u])
}
