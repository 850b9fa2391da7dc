package annexa.controls.c8_32.github_branch_protection_test

import data.annexa.controls.c8_32.github_branch_protection as check
import data.annexa.lib.testing

strict := {
	"required_status_checks": {"strict": true, "contexts": ["ci/test"], "checks": [{"context": "ci/test"}]},
	"required_pull_request_reviews": {"required_approving_review_count": 1, "dismiss_stale_reviews": true},
	"enforce_admins": {"enabled": true},
	"allow_force_pushes": {"enabled": false},
	"allow_deletions": {"enabled": false},
	"required_signatures": {"enabled": true},
}

repo(extra) := testing.facts([testing.config(
	"github_repository",
	"acme-payments/payments-api",
	object.union({"repository": {"full_name": "acme-payments/payments-api", "default_branch": "main"}, "branch": "main"}, extra),
)])

settings(findings) := {f.details.setting | some f in findings}

test_pass_strict_protection if {
	count(check.deny) == 0 with data.facts as repo({"branch_protection": strict})
}

test_pass_checks_as_check_runs_only if {
	p := object.union(strict, {"required_status_checks": {"strict": false, "contexts": [], "checks": [{"context": "build", "app_id": 15368}]}})
	count(check.deny) == 0 with data.facts as repo({"branch_protection": p})
}

test_fail_unprotected if {
	findings := check.deny with data.facts as repo({"branch_protection": null})
	findings == {{
		"msg": "branch main of GitHub repository acme-payments/payments-api is not protected: anyone with write access can push to it directly",
		"resource": "github_repository:acme-payments/payments-api",
	}}
}

test_fail_no_protection_data if {
	findings := check.deny with data.facts as repo({})
	count(findings) == 1
	some f in findings
	f.severity == "low"
}

test_fail_weak_protection if {
	p := {
		"required_status_checks": null,
		"required_pull_request_reviews": {"required_approving_review_count": 0},
		"enforce_admins": {"enabled": false},
		"allow_force_pushes": {"enabled": true},
		"allow_deletions": {"enabled": true},
	}
	findings := check.deny with data.facts as repo({"branch_protection": p})
	settings(findings) == {
		"required_approving_review_count", "dismiss_stale_reviews", "required_status_checks",
		"allow_force_pushes", "allow_deletions", "required_signatures", "enforce_admins",
	}
}

test_fail_reviews_missing if {
	p := object.remove(strict, ["required_pull_request_reviews"])
	findings := check.deny with data.facts as repo({"branch_protection": p})
	settings(findings) == {"required_pull_request_reviews", "required_approving_review_count"}
}

test_pass_judges_repositories_with_protection_data if {
	check.judged == {"github_repository:acme-payments/payments-api"} with data.facts as repo({"branch_protection": strict})
	count(check.judged) == 0 with data.facts as repo({})
}
