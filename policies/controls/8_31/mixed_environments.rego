# METADATA
# title: Production and non-production are not deployed together
# description: |
#   Development and test environments must be separated from production.
#   A Terraform configuration whose resources are tagged (or labelled) as
#   production and as a non-production environment in the same plan puts
#   both under one state, one set of deployment credentials and, unless
#   provider aliases point elsewhere, one cloud account: whoever can apply
#   a change to test can change production. The environment is read from
#   a tag or label named Environment, Env, Stage or deployment_environment
#   (any case): prod, production, prd and live are production; dev,
#   development, test, testing, qa, uat, staging, stage, stg, preprod,
#   sandbox, nonprod, demo and perf are not. When a plan holds both, each
#   non-production resource is a finding, except Google Cloud resources in
#   a project that none of the production resources uses. Resources without
#   an environment tag are not judged.
# custom:
#   controls: ["8.31"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource"]
#   remediation: |
#     Deploy each environment from its own Terraform root module and state,
#     into its own AWS account, Azure subscription or Google Cloud project,
#     with its own deployment credentials; promote changes between them
#     through the pipeline.
package annexa.controls.c8_31.mixed_environments

import data.annexa.lib.tags

environment_keys := {"environment", "env", "stage", "deploymentenvironment"}

production := {"prod", "production", "prd", "live"}

non_production := {
	"dev", "development", "test", "testing", "qa", "uat", "staging", "stage", "stg",
	"preprod", "sandbox", "nonprod", "demo", "perf",
}

deny contains finding if {
	production_count > 0
	some r in tagged
	r.class == "non_production"
	not separate_project(r.resource)
	finding := {
		"msg": sprintf("%s is tagged as environment %s, but the same configuration also deploys production resources (%s); non-production belongs in its own state and account", [r.resource.id, r.environment, production_named]),
		"resource": r.resource.id,
		"details": {"environment": r.environment, "production_resources": production_count},
	}
}

# The production count and the first production resource by id are
# computed once, not once per non-production resource.
production_count := count(production_resources)

first_production := sort([p.id | some p in production_resources])[0]

production_named := first_production if production_count == 1

production_named := sprintf("%s and %d more", [first_production, production_count - 1]) if production_count > 1

# tagged lists every resource with an environment tag this policy knows,
# with its value and whether it is production. A plan's every resource
# passes through here, so the environment tag is not read from its tags
# here: the engine reads it once, as labels.value(r, environment_keys)
# would, into data.facts.environments (by resource id).
tagged := [{"resource": r, "environment": env, "class": class} |
	some rs in object.get(data.facts, "resources_by_type", {})
	some r in rs
	env := data.facts.environments[r.id]
	class := class_of[env]
]

# class_of classifies each distinct environment value once: a plan holds
# few, on thousands of resources.
class_of := {env: class |
	some env in {v | some v in object.get(data.facts, "environments", {})}
	class := environment_class[tags.normalize(env)]
}

environment_class := object.union(
	{e: "production" | some e in production},
	{e: "non_production" | some e in non_production},
)

production_resources := [t.resource |
	some t in tagged
	t.class == "production"
]

# production_projects are the Google Cloud projects production resources
# are deployed to, where known.
production_projects := {p |
	some r in production_resources
	p := r.attributes.project
	is_string(p)
}

# projects_known is true when every production resource names its project.
projects_known if {
	every p in production_resources {
		is_string(p.attributes.project)
	}
}

separate_project(r) if {
	projects_known
	count(production_projects) > 0
	is_string(r.attributes.project)
	not r.attributes.project in production_projects
}

# judged are the resources tagged with an environment this policy
# recognises, production or not: an untagged resource, or one whose
# environment it does not know, is not judged.
judged contains t.resource.id if {
	some t in tagged
}
