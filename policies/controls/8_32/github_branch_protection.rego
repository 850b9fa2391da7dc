# METADATA
# title: GitHub default branches only change through reviewed, checked pull requests
# description: |
#   The protected branch of a GitHub export (the repository's default
#   branch unless the export names another) is protected so that every
#   change is reviewed and tested before it lands: at least one approving
#   review is required and stale approvals are dismissed when new commits
#   are pushed, status checks must pass, force pushes and deletion are
#   blocked, commits must be signed, and administrators are held to the
#   same rules. An export without branch protection data (a repository
#   response alone) is reported, since the branch cannot be judged.
# custom:
#   controls: ["8.32", "8.25"]
#   severity: high
#   coverage: partial
#   inputs: ["config:github_repository"]
#   remediation: |
#     In the branch protection rule (or a ruleset) for the branch, require a
#     pull request with at least one approval and dismiss stale approvals,
#     require the CI status checks, block force pushes and deletions,
#     require signed commits and include administrators. Export it again
#     with `gh api repos/OWNER/REPO/branches/BRANCH/protection`.
package annexa.controls.c8_32.github_branch_protection

import data.annexa.lib.github

deny contains finding if {
	some r in github.repositories
	not has_protection_data(r)
	finding := {
		"msg": sprintf("the export of GitHub repository %s has no branch protection data: branch %s cannot be judged", [github.full_name(r), r.attributes.branch]),
		"resource": r.id,
		"severity": "low",
		"remediation": "Export the repository together with `gh api repos/OWNER/REPO/branches/BRANCH/protection` (see docs/facts.md), with branch_protection: null when the branch is not protected.",
	}
}

deny contains finding if {
	some r in github.repositories
	has_protection_data(r)
	r.attributes.branch_protection == null
	finding := {
		"msg": sprintf("branch %s of GitHub repository %s is not protected: anyone with write access can push to it directly", [r.attributes.branch, github.full_name(r)]),
		"resource": r.id,
	}
}

deny contains finding if {
	some r in github.repositories
	p := r.attributes.branch_protection
	is_object(p)
	some c in checks
	problem(p, c.setting)
	finding := {
		"msg": sprintf("branch %s of GitHub repository %s %s", [r.attributes.branch, github.full_name(r), c.msg]),
		"resource": r.id,
		"severity": c.severity,
		"details": {"setting": c.setting},
	}
}

has_protection_data(r) if "branch_protection" in object.keys(r.attributes)

checks := [
	{"setting": "required_pull_request_reviews", "severity": "high", "msg": "does not require pull request reviews"},
	{"setting": "required_approving_review_count", "severity": "high", "msg": "requires no approving review"},
	{"setting": "dismiss_stale_reviews", "severity": "low", "msg": "keeps approvals when new commits are pushed (dismiss_stale_reviews is off)"},
	{"setting": "required_status_checks", "severity": "medium", "msg": "does not require status checks to pass"},
	{"setting": "allow_force_pushes", "severity": "high", "msg": "allows force pushes, which rewrite reviewed history"},
	{"setting": "allow_deletions", "severity": "medium", "msg": "can be deleted"},
	{"setting": "required_signatures", "severity": "low", "msg": "does not require signed commits"},
	{"setting": "enforce_admins", "severity": "medium", "msg": "lets administrators bypass its protection"},
]

problem(p, "required_pull_request_reviews") if not reviews_required(p)

reviews_required(p) if is_object(p.required_pull_request_reviews)

problem(p, "required_approving_review_count") if {
	object.get(p, ["required_pull_request_reviews", "required_approving_review_count"], 0) < 1
}

problem(p, "dismiss_stale_reviews") if {
	reviews_required(p)
	not stale_reviews_dismissed(p)
}

stale_reviews_dismissed(p) if p.required_pull_request_reviews.dismiss_stale_reviews == true

problem(p, "required_status_checks") if not requires_checks(p)

problem(p, "allow_force_pushes") if github.enabled(p, "allow_force_pushes")

problem(p, "allow_deletions") if github.enabled(p, "allow_deletions")

problem(p, "required_signatures") if not github.enabled(p, "required_signatures")

problem(p, "enforce_admins") if not github.enabled(p, "enforce_admins")

requires_checks(p) if count(object.get(p, ["required_status_checks", "contexts"], [])) > 0

requires_checks(p) if count(object.get(p, ["required_status_checks", "checks"], [])) > 0

# judged are the repositories whose export holds branch protection data.
judged contains r.id if {
	some r in github.repositories
	has_protection_data(r)
}
