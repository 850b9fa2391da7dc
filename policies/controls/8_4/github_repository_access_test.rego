package annexa.controls.c8_4.github_repository_access_test

import data.annexa.controls.c8_4.github_repository_access as check
import data.annexa.lib.testing

repo(repository, extra) := testing.facts([testing.config(
	"github_repository",
	"acme-payments/payments-api",
	object.union({"repository": object.union({"full_name": "acme-payments/payments-api", "default_branch": "main"}, repository)}, extra),
)])

test_pass_private_with_writer_collaborator if {
	facts := repo({"visibility": "private", "private": true}, {"outside_collaborators": [{
		"login": "contractor-ana",
		"role_name": "write",
		"permissions": {"admin": false, "push": true},
	}]})
	count(check.deny) == 0 with data.facts as facts
}

test_pass_internal_by_visibility if {
	count(check.deny) == 0 with data.facts as repo({"visibility": "internal", "private": true}, {})
}

test_fail_public if {
	findings := check.deny with data.facts as repo({"private": false}, {})
	findings == {{
		"msg": "GitHub repository acme-payments/payments-api is public: its source code and history are open to anyone",
		"resource": "github_repository:acme-payments/payments-api",
	}}
}

test_fail_outside_admin if {
	facts := repo({"visibility": "private"}, {"outside_collaborators": [
		{"login": "agency-dev", "role_name": "admin"},
		{"login": "auditor", "permissions": {"admin": false, "pull": true}},
	]})
	findings := check.deny with data.facts as facts
	{f.details.collaborator | some f in findings} == {"agency-dev"}
}

test_pass_judges_repositories_with_a_visibility if {
	check.judged == {"github_repository:acme-payments/payments-api"} with data.facts as repo({"visibility": "private"}, {})
	count(check.judged) == 0 with data.facts as repo({}, {})
}
