# METADATA
# title: ECR repositories scan container images for vulnerabilities
# description: |
#   Every image pushed to an ECR repository is scanned for known
#   vulnerabilities: the repository scans on push
#   (image_scanning_configuration.scan_on_push), or a registry scanning rule
#   (aws_ecr_registry_scanning_configuration) with scan frequency
#   SCAN_ON_PUSH or CONTINUOUS_SCAN has a repository filter that matches its
#   name, or Amazon Inspector is enabled for ECR (an aws_inspector2_enabler
#   whose resource_types include ECR), which takes over the registry's
#   scanning. A repository whose scanning settings are only known after
#   apply is not judged.
# custom:
#   controls: ["8.8"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_ecr_repository
#     - resource:aws_ecr_registry_scanning_configuration
#     - resource:aws_inspector2_enabler
#   remediation: |
#     Enable Amazon Inspector for ECR (aws_inspector2_enabler with
#     resource_types = ["ECR"]), or add an
#     aws_ecr_registry_scanning_configuration with a rule { scan_frequency =
#     "CONTINUOUS_SCAN", repository_filter { filter = "*", filter_type =
#     "WILDCARD" } }, or set image_scanning_configuration { scan_on_push =
#     true } on the repository.
package annexa.controls.c8_8.aws_ecr_scanning

import data.annexa.lib.tf

deny contains finding if {
	not inspector_scans_ecr
	some repo in tf.resources("aws_ecr_repository")
	not scanning_unknown(repo)
	not scans_on_push(repo)
	not registry_scans(repo)
	finding := {
		"msg": "ECR repository does not scan images for vulnerabilities: scan_on_push is off and no registry scanning rule or Inspector covers it",
		"resource": repo.id,
	}
}

# scanning_unknown is true when scan_on_push is known only after apply.
# Left out of the configuration it is off: a plan gives the block as an
# empty list, Terraform source leaves it out.
scanning_unknown(repo) if tf.is_unknown(repo, "image_scanning_configuration")

scanning_unknown(repo) if {
	some p in object.get(repo, "unknown", [])
	startswith(p, "image_scanning_configuration.")
}

scans_on_push(repo) if {
	some c in repo.attributes.image_scanning_configuration
	c.scan_on_push == true
}

# filters are the repository filters of the registry rules that scan, as
# wildcard patterns.
filters := {f.filter |
	some c in tf.resources("aws_ecr_registry_scanning_configuration")
	some rule in object.get(c.attributes, "rule", [])
	rule.scan_frequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some f in object.get(rule, "repository_filter", [])
	is_string(f.filter)
}

registry_scans(_) if "*" in filters

registry_scans(repo) if {
	is_string(repo.attributes.name)
	some f in filters
	glob.match(f, null, repo.attributes.name)
}

inspector_scans_ecr if {
	some e in tf.resources("aws_inspector2_enabler")
	"ECR" in object.get(e.attributes, "resource_types", [])
}

# judged are the repositories whose scanning configuration is known, and
# every repository once Inspector scans ECR.
judged contains repo.id if {
	some repo in tf.resources("aws_ecr_repository")
	not scanning_unknown(repo)
}

judged contains repo.id if {
	inspector_scans_ecr
	some repo in tf.resources("aws_ecr_repository")
}
