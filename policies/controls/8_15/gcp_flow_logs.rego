# METADATA
# title: VPC subnets record flow logs
# description: |
#   Every VPC subnetwork that can record flow logs does (CIS GCP 3.0.0
#   3.8): google_compute_subnetwork has a log_config block. A subnet
#   without one, whether written without it or with the block left out
#   (the provider plans an empty list, and Google Cloud creates subnets with
#   flow logs off), is a finding. Subnets whose purpose is a proxy, load
#   balancer, Private Service Connect or Private NAT range cannot record
#   flow logs and are not judged; a purpose left out is PRIVATE, the
#   default. The CIS refinements of the log configuration (5-second
#   aggregation, full sampling, all metadata, no filter) are not checked:
#   any flow log counts. A log_config known only after apply, or a purpose
#   that refers to another resource, is not judged.
# custom:
#   controls: ["8.15"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:google_compute_subnetwork"]
#   remediation: |
#     Add log_config { aggregation_interval = "INTERVAL_5_SEC",
#     flow_sampling = 1, metadata = "INCLUDE_ALL_METADATA" } to the subnet,
#     and route the logs to a sink kept as long as your log retention
#     requires.
package annexa.controls.c8_15.gcp_flow_logs

import data.annexa.lib.tf
import data.annexa.lib.values

# no_flow_logs are the subnet purposes that do not support flow logs.
no_flow_logs := {
	"REGIONAL_MANAGED_PROXY",
	"GLOBAL_MANAGED_PROXY",
	"INTERNAL_HTTPS_LOAD_BALANCER",
	"PRIVATE_SERVICE_CONNECT",
	"PRIVATE_NAT",
}

deny contains finding if {
	some s in subnets
	not logging(s)
	finding := {
		"msg": sprintf("subnet %s records no VPC flow logs (no log_config)", [tf.display_name(s)]),
		"resource": s.id,
	}
}

# subnets are the subnets that support flow logs and whose log_config is
# known (written, or left out to the provider's empty default).
subnets contains s if {
	some s in tf.resources("google_compute_subnetwork")
	applicable(s)
	not tf.is_unknown(s, "log_config")
	not tf.referenced(s, "log_config")
}

applicable(s) if {
	p := object.get(s.attributes, "purpose", null)
	is_string(p)
	not upper(p) in no_flow_logs
}

applicable(s) if {
	not is_string(object.get(s.attributes, "purpose", null))
	not tf.referenced(s, "purpose")
}

logging(s) if {
	some c in values.array_or_empty(object.get(s.attributes, "log_config", []))
	object.get(c, "enable", true) != false
}

# judged are the subnets that support flow logs and whose log_config is
# known.
judged contains s.id if some s in subnets
