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
	some env, rs in data.facts.resources_by_environment
	class_of[env] == "non_production"
	some r in rs
	not r.id in separate_project
	finding := {
		"msg": sprintf("%s is tagged as environment %s, but the same configuration also deploys production resources (%s); non-production belongs in its own state and account", [r.id, env, production_named]),
		"resource": r.id,
		"details": {"environment": env, "production_resources": production_count},
	}
}

# The production count and the first production resource by id are
# computed once, not once per non-production resource.
production_count := count(production_resources)

first_production := min([p.id | some p in production_resources])

production_named := first_production if production_count == 1

production_named := sprintf("%s and %d more", [first_production, production_count - 1]) if production_count > 1

# The engine reads each managed resource's environment tag once, as
# labels.value(r, environment_keys) would, and groups the resources by
# it in data.facts.resources_by_environment: a plan holds few distinct
# environments on thousands of resources, so each environment is
# classified once (class_of) and only the resources with a tag this
# policy knows are visited, never every resource of every type.
class_of := {env: class |
	some env, _ in data.facts.resources_by_environment
	class := environment_class[tags.normalize(env)]
}

environment_class := object.union(
	{e: "production" | some e in production},
	{e: "non_production" | some e in non_production},
)

production_resources := [r |
	some env, rs in data.facts.resources_by_environment
	class_of[env] == "production"
	some r in rs
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

# separate_project holds the ids of the non-production resources in a
# Google Cloud project that none of the production resources uses, when
# every production resource names its project.
separate_project contains r.id if {
	projects_known
	count(production_projects) > 0
	some env, rs in data.facts.resources_by_environment
	class_of[env] == "non_production"
	some r in rs
	is_string(r.attributes.project)
	not r.attributes.project in production_projects
}

# judged are the resources tagged with an environment this policy
# recognises, production or not: an untagged resource, or one whose
# environment it does not know, is not judged.
judged contains r.id if {
	some env, rs in data.facts.resources_by_environment
	class_of[env]
	some r in rs
}
