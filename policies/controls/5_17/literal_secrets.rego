# METADATA
# title: No literal secrets in infrastructure code, manifests or configuration
# description: |
#   No fact holds a secret written out as a literal value: a Lambda or ECS
#   environment variable such as JWT_SIGNING_KEY, STRIPE_SK or PGPASS, an
#   ECS container_definitions document, an instance's user_data script, a
#   Docker config's auths, a configuration file, or the environment of any
#   Kubernetes kind that runs containers (custom resources included: those
#   with a pod template are reported by c5_17.k8s_secret_env). The
#   providers find them with one detector, the names of secrets and the
#   rules of gitleaks' default rule set, replace them with "(sensitive)"
#   and list where they were in the fact's `detected` map with the rule
#   that matched; this policy reports that place and rule, never the value,
#   which no fact holds. A literal is readable by everyone who can read the
#   code, its history and the deployed object, and is not rotated with the
#   secret. Values from a sensitive variable or a secret store are not
#   literals and are not reported. Container environments and flags of
#   workloads with a pod spec (the built-in kinds and custom resources with
#   spec.template.spec) are reported by c5_17.k8s_secret_env instead. No
#   finding is only supporting evidence: a detector misses secrets it has
#   no rule for.
# custom:
#   controls: ["5.17", "8.24"]
#   severity: high
#   coverage: supporting
#   detector: true
#   inputs: ["resource", "kubernetes", "config"]
#   remediation: |
#     Move the value into a secret store (AWS Secrets Manager or SSM
#     SecureString, a Kubernetes Secret, Vault) and reference it (ECS
#     secrets[].valueFrom, env[].valueFrom.secretKeyRef, a sensitive
#     variable); rotate the exposed secret, as it is in your version
#     history.
package annexa.controls.c5_17.literal_secrets

kinds := {"resource", "kubernetes", "config"}

# scanned are the facts of those kinds a provider found a literal secret
# in: the engine lists every fact with a detected map in
# data.facts.with_detected, a few among thousands, so that this policy
# does not look at every fact. It is an array, not a set: a set would hash
# every whole fact.
scanned := [f |
	some f in object.get(data.facts, "with_detected", [])
	f.kind in kinds
]

deny contains finding if {
	some f in scanned
	some path, rule in f.detected
	not container_literal(f, path)
	finding := {
		"msg": sprintf("%s holds a literal secret at %s (found by rule %s)", [f.id, path, rule]),
		"resource": f.id,
		"details": {"path": path, "rule": rule},
	}
}

# container_literal holds for a container's environment value or flag in a
# workload with a pod spec, which c5_17.k8s_secret_env reports with its
# container.
container_literal(f, path) if {
	f.kind == "kubernetes"
	is_object(f.attributes.pod_spec)
	regex.match(`(^|\.)(containers|initContainers|ephemeralContainers)\.[0-9]+\.(env|command|args)\.`, path)
}

# judged are the facts with a literal secret this policy reports: a
# detector that finds nothing has not shown anything about a fact, so a
# clean fact is not counted as assessed (the policy can fail 5.17 and
# 8.24, never make them look assessed).
judged contains f.id if {
	some f in scanned
	some path, _ in f.detected
	not container_literal(f, path)
}
