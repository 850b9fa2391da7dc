# METADATA
# title: GitHub repository helpers
# description: |
#   Accessors over github_repository facts (kind config): the repository
#   settings and default-branch protection a GitHub export holds.
# custom:
#   library: true
package annexa.lib.github

# repositories lists the github_repository facts.
repositories := object.get(data.facts.by_type, ["config", "github_repository"], [])

# full_name is OWNER/REPO.
full_name(r) := r.attributes.repository.full_name

# visibility is public, private or internal; older API responses only
# have the private flag.
visibility(r) := r.attributes.repository.visibility

visibility(r) := "private" if {
	not r.attributes.repository.visibility
	r.attributes.repository.private == true
}

visibility(r) := "public" if {
	not r.attributes.repository.visibility
	r.attributes.repository.private == false
}

# enabled is true when a protection setting of the form {"enabled": bool}
# is on.
enabled(protection, setting) if protection[setting].enabled == true
