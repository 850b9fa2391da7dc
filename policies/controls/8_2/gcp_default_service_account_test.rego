package annexa.controls.c8_2.gcp_default_service_account_test

import data.annexa.controls.c8_2.gcp_default_service_account as check
import data.annexa.lib.testing

vm(sa) := testing.resource("google_compute_instance", "vm", {"name": "app-1", "service_account": sa})

test_pass_own_service_account if {
	facts := testing.facts([vm([{"email": "app@acme-prod.iam.gserviceaccount.com", "scopes": ["cloud-platform"]}])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"google_compute_instance.vm"} with data.facts as facts
}

test_pass_no_service_account if {
	facts := testing.facts([vm([])])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"google_compute_instance.vm"} with data.facts as facts
}

test_pass_referenced_account if {
	r := testing.with_refs(
		object.union(vm([{"scopes": ["cloud-platform"]}]), {"unknown": ["service_account.0.email"]}),
		{"service_account.email": ["google_service_account.app"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([r])
}

test_fail_default_named if {
	check.deny == {{
		"msg": "app-1 runs as the Compute Engine default service account",
		"resource": "google_compute_instance.vm",
		"details": {"email": "123456789-compute@developer.gserviceaccount.com", "full_api_access": false},
	}} with data.facts as testing.facts([vm([{"email": "123456789-compute@developer.gserviceaccount.com", "scopes": ["userinfo-email"]}])])
}

test_fail_email_left_out_full_scope if {
	r := object.union(vm([{"scopes": ["https://www.googleapis.com/auth/cloud-platform"]}]), {"unknown": ["service_account.0.email"]})
	some f in check.deny with data.facts as testing.facts([r])
	f.severity == "high"
	f.details.full_api_access == true
}

test_fail_default_data_source if {
	r := testing.with_refs(
		object.union(vm([{"scopes": ["cloud-platform"]}]), {"unknown": ["service_account.0.email"]}),
		{"service_account.email": ["data.google_compute_default_service_account.default"]},
	)
	count(check.deny) == 1 with data.facts as testing.facts([r])
}

# an instance made from a template is judged on a service_account block it
# writes; one it leaves out is the template's, judged there
from_template(attrs, configured) := object.union(
	testing.resource("google_compute_instance_from_template", "worker", object.union({"name": "worker-1"}, attrs)),
	{"configured": configured},
)

test_fail_instance_from_template_with_default_account if {
	r := from_template({"service_account": [{"email": "123456789-compute@developer.gserviceaccount.com", "scopes": ["storage-ro"]}]}, ["name", "service_account", "source_instance_template"])
	facts := testing.facts([r])
	count(check.deny) == 1 with data.facts as facts
	check.judged == {"google_compute_instance_from_template.worker"} with data.facts as facts
}

test_pass_instance_from_template_without_own_block_not_judged if {
	r := object.union(from_template({}, ["name", "source_instance_template"]), {"unknown": ["service_account"]})
	facts := testing.facts([r])
	count(check.deny) == 0 with data.facts as facts
	count(check.judged) == 0 with data.facts as facts
}
