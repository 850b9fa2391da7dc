# METADATA
# title: The cloud providers in the infrastructure code are registered suppliers
# description: |
#   Every cloud or SaaS provider whose resources the Terraform sources
#   manage is listed in the supplier register as a cloud service supplier
#   (cloud: true), so that its agreement, assessment and exit plan are
#   checked by the other supplier policies. The provider of a resource is
#   the prefix of its type (aws_s3_bucket is aws); providers of local
#   utilities (random, null, tls, time, local, archive, external, http,
#   template, cloudinit, terraform) and of in-cluster objects (kubernetes,
#   helm) are not suppliers. A supplier matches aws when its id or name
#   says AWS or Amazon, google when it says Google, azurerm when it says
#   Azure or Microsoft, and any other provider when its id or name contains
#   the provider's name as a word. Checked only when both a supplier
#   register and Terraform resources are present.
# custom:
#   controls: ["5.23"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:supplier_register"]
#   remediation: |
#     Add the cloud provider named to the supplier register with cloud:
#     true (and ict: true, its criticality, agreement, assessment and exit
#     plan), or mark its existing entry cloud: true.
package annexa.controls.c5_23.cloud_providers_registered

import data.annexa.lib.evidence
import data.annexa.lib.suppliers

# not_suppliers are Terraform providers that manage local or in-cluster
# objects rather than a service someone else runs.
not_suppliers := {
	"archive", "cloudinit", "external", "helm", "http", "kubernetes",
	"local", "null", "random", "template", "terraform", "time", "tls",
}

# names recognises the big cloud providers by how suppliers are usually
# named rather than by their Terraform provider name.
names := {
	"aws": `(?i)(\baws\b|amazon)`,
	"google": `(?i)\bgoogle\b`,
	"azurerm": `(?i)(\bazure\b|microsoft)`,
}

# used maps each supplier's Terraform provider to how many managed
# resources it runs and the first of them by id. The resources of each type
# are sorted by id (data.facts.resources_by_type), so the types are
# counted and their first resources compared, not every resource visited.
used := {p: {"resources": n, "example": min(firsts)} |
	some p in providers
	groups := [rs | some t, rs in data.facts.resources_by_type; provider(t) == p; count(rs) > 0]
	n := sum([count(rs) | some rs in groups])
	n > 0
	firsts := {rs[0].id | some rs in groups}
}

providers := {p |
	some t, _ in object.get(data.facts, "resources_by_type", {})
	p := provider(t)
	not p in not_suppliers
}

provider(t) := split(t, "_")[0]

pattern(p) := names[p] if {
	names[p]
} else := sprintf(`(?i)\b%s\b`, [p])

matches(s, p) if regex.match(pattern(p), s.entry.id)

matches(s, p) if regex.match(pattern(p), s.entry.name)

register := evidence.records("supplier_register")[0]

deny contains f if {
	register
	some p, use in used
	not any_match(p)
	f := {
		"msg": sprintf("the Terraform sources manage %d %s resources (e.g. %s), but no %s supplier is in the supplier register", [use.resources, p, use.example, p]),
		"resource": register.id,
		"details": {"provider": p, "resources": use.resources, "example": use.example},
	}
}

deny contains f if {
	register
	some p, use in used
	matched := [s | some s in suppliers.listed; matches(s, p)]
	count(matched) > 0
	not cloud_match(p)
	f := {
		"msg": sprintf("the Terraform sources manage %d %s resources, but the supplier register does not mark %s as a cloud service (cloud: true)", [use.resources, p, concat(", ", [suppliers.who(s) | some s in matched])]),
		"resource": suppliers.ref(matched[0]),
		"details": {"provider": p, "resources": use.resources, "example": use.example},
	}
}

any_match(p) if {
	some s in suppliers.listed
	matches(s, p)
}

cloud_match(p) if {
	some s in suppliers.listed
	matches(s, p)
	suppliers.cloud(s)
}

# judged is the supplier register, once the Terraform sources use a
# provider to look for in it.
judged contains register.id if count(used) > 0
