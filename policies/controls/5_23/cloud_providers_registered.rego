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

# used maps each supplier's Terraform provider to the ids of the managed
# resources it runs, sorted.
used := {p: sort(ids) |
	some p in providers
	ids := [r.id |
		some t, rs in data.facts.resources_by_type
		provider(t) == p
		some r in rs
	]
	count(ids) > 0
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
	some p, ids in used
	not any_match(p)
	f := {
		"msg": sprintf("the Terraform sources manage %d %s resources (e.g. %s), but no %s supplier is in the supplier register", [count(ids), p, ids[0], p]),
		"resource": register.id,
		"details": {"provider": p, "resources": count(ids), "example": ids[0]},
	}
}

deny contains f if {
	register
	some p, ids in used
	matched := [s | some s in suppliers.listed; matches(s, p)]
	count(matched) > 0
	not cloud_match(p)
	f := {
		"msg": sprintf("the Terraform sources manage %d %s resources, but the supplier register does not mark %s as a cloud service (cloud: true)", [count(ids), p, concat(", ", [suppliers.who(s) | some s in matched])]),
		"resource": suppliers.ref(matched[0]),
		"details": {"provider": p, "resources": count(ids), "example": ids[0]},
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
