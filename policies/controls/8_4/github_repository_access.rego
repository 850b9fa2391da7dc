# METADATA
# title: GitHub source code is not public and outsiders do not administer it
# description: |
#   A repository in a GitHub export is private or internal (not public), and
#   no outside collaborator listed in the export has admin rights (the
#   permissions.admin flag or the admin role). A public repository exposes
#   the source code, its history and any secret ever committed to anyone;
#   an outside admin can change who has access and remove protections.
#   Outside collaborators are judged only when the export lists them.
# custom:
#   controls: ["8.4"]
#   severity: high
#   coverage: partial
#   inputs: ["config:github_repository"]
#   remediation: |
#     Make the repository private or internal (or record, as a waiver, that
#     it is meant to be open source), and give outside collaborators at most
#     write access; administration stays with named members of the
#     organisation.
package annexa.controls.c8_4.github_repository_access

import data.annexa.lib.github

deny contains finding if {
	some r in github.repositories
	github.visibility(r) == "public"
	finding := {
		"msg": sprintf("GitHub repository %s is public: its source code and history are open to anyone", [github.full_name(r)]),
		"resource": r.id,
	}
}

deny contains finding if {
	some r in github.repositories
	some c in object.get(r.attributes, "outside_collaborators", [])
	outside_admin(c)
	finding := {
		"msg": sprintf("outside collaborator %s administers GitHub repository %s", [c.login, github.full_name(r)]),
		"resource": r.id,
		"details": {"collaborator": c.login},
	}
}

outside_admin(c) if c.permissions.admin == true

outside_admin(c) if c.role_name == "admin"

# judged are the repositories whose visibility the export states.
judged contains r.id if {
	some r in github.repositories
	github.visibility(r)
}
