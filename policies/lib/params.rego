# METADATA
# title: Policy parameters
# description: |
#   Thresholds that policies compare against (retention days, password
#   length, TLS minimum, ...). Each parameter is declared once in `defaults`,
#   with the benchmark recommendation its default follows; a project
#   overrides it under `parameters:` in annexa.yaml, and the values in force
#   reach policies as data.facts.parameters, so a bundle replays with them.
#   Policies read a parameter with value(name) and list the names they read
#   under `custom.parameters` in their METADATA.
# custom:
#   library: true
package annexa.lib.params

# defaults declares every parameter: name -> {default, description, source}.
# The declarations for a cloud live in params_<cloud>.rego beside this file.
defaults["tls_min_version"] := {
	"default": "1.2",
	"description": "Lowest TLS protocol version a service may accept.",
	"source": "CIS Azure Foundations 3.0.0 9.4 / CIS GCP Foundations 3.0.0 6.x; NIST SP 800-52r2",
}

# value is the value in force of parameter name: the project's override
# recorded in the facts, else the declared default.
value(name) := object.get(overrides, name, defaults[name].default)

default overrides := {}

# overrides are the values the project set, recorded in the facts.
overrides := data.facts.parameters
