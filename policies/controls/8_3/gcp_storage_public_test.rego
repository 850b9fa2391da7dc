package annexa.controls.c8_3.gcp_storage_public_test

import data.annexa.controls.c8_3.gcp_storage_public as check
import data.annexa.lib.testing

member(name, m) := testing.resource("google_storage_bucket_iam_member", name, {
	"bucket": "acme-reports", "role": "roles/storage.objectViewer", "member": m,
})

test_pass_named_members if {
	facts := testing.facts([member("team", "group:analysts@example.com"), member("sa", "serviceAccount:etl@p.iam.gserviceaccount.com")])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {"google_storage_bucket_iam_member.team", "google_storage_bucket_iam_member.sa"} with data.facts as facts
}

test_fail_all_users_member if {
	check.deny == {{
		"msg": "IAM member on bucket acme-reports grants roles/storage.objectViewer to allUsers",
		"resource": "google_storage_bucket_iam_member.public",
		"details": {"members": ["allUsers"], "role": "roles/storage.objectViewer"},
	}} with data.facts as testing.facts([member("public", "allUsers")])
}

test_fail_binding_with_authenticated_users if {
	b := testing.resource("google_storage_bucket_iam_binding", "b", {
		"bucket": "acme-reports", "role": "roles/storage.objectViewer",
		"members": ["user:a@example.com", "allAuthenticatedUsers"],
	})
	some f in check.deny with data.facts as testing.facts([b])
	f.details.members == ["allAuthenticatedUsers"]
}

test_fail_policy_data_json if {
	p := testing.resource("google_storage_bucket_iam_policy", "p", {
		"bucket": "acme-reports",
		"policy_data": json.marshal({"bindings": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]}),
	})
	count(check.deny) == 1 with data.facts as testing.facts([p])
}

test_fail_policy_from_data_source if {
	p := testing.with_refs(
		object.union(testing.resource("google_storage_bucket_iam_policy", "p", {"bucket": "acme-reports"}), {"unknown": ["policy_data"]}),
		{"policy_data": ["data.google_iam_policy.public"]},
	)
	d := testing.data_source("google_iam_policy", "public", {"binding": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]})
	count(check.deny) == 1 with data.facts as testing.facts([p, d])
}

test_pass_policy_unknown_not_judged if {
	p := object.union(testing.resource("google_storage_bucket_iam_policy", "p", {"bucket": "acme-reports"}), {"unknown": ["policy_data"]})
	count(check.judged) == 0 with data.facts as testing.facts([p])
}

test_fail_acl_role_entity_and_predefined if {
	a := testing.resource("google_storage_bucket_acl", "a", {"bucket": "acme-reports", "role_entity": ["OWNER:user-a@example.com", "READER:allUsers"]})
	b := testing.resource("google_storage_default_object_acl", "b", {"bucket": "acme-reports", "predefined_acl": "publicRead"})
	c := testing.resource("google_storage_object_access_control", "c", {"bucket": "acme-reports", "object": "x", "role": "READER", "entity": "allUsers"})
	count(check.deny) == 3 with data.facts as testing.facts([a, b, c])
}

test_pass_private_acl if {
	a := testing.resource("google_storage_bucket_acl", "a", {"bucket": "acme-reports", "predefined_acl": "projectPrivate"})
	count(check.deny) == 0 with data.facts as testing.facts([a])
	check.judged == {"google_storage_bucket_acl.a"} with data.facts as testing.facts([a])
}
