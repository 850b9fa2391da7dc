package annexa.lib.github_test

import data.annexa.lib.github
import data.annexa.lib.testing

repo(name, repository) := testing.config("github_repository", name, {"repository": object.union({"full_name": name}, repository)})

public := repo("acme/site", {"visibility": "public", "private": false})

legacy_private := repo("acme/api", {"private": true})

legacy_public := repo("acme/docs", {"private": false})

internal := repo("acme/tools", {"visibility": "internal", "private": true})

unknown := repo("acme/new", {})

test_repositories if {
	[r.id | some r in github.repositories] == ["github_repository:acme/site", "github_repository:acme/api"] with data.facts as testing.facts([public, legacy_private])
	github.repositories == [] with data.facts as testing.facts([])
}

test_full_name if {
	github.full_name(public) == "acme/site"
}

test_visibility if {
	github.visibility(public) == "public"
	github.visibility(internal) == "internal"
	github.visibility(legacy_private) == "private"
	github.visibility(legacy_public) == "public"
	not github.visibility(unknown)
}

test_enabled if {
	github.enabled({"enforce_admins": {"enabled": true}}, "enforce_admins")
	not github.enabled({"enforce_admins": {"enabled": false}}, "enforce_admins")
	not github.enabled({"enforce_admins": {}}, "enforce_admins")
	not github.enabled({}, "enforce_admins")
}
