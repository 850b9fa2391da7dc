# METADATA
# title: AWS resources tagged with an asset in the register
# description: |
#   When the organisation declares an asset register, every AWS resource
#   whose complete set of tags is known (tags_all, which includes the
#   provider's default_tags) carries an asset tag (key asset or asset_id,
#   in any case or punctuation) naming, by asset id, an asset in use in the
#   register, so that each cloud resource is accounted for by an owned
#   inventory entry. Resource types that take no tags are not judged.
#   Without an asset register there is nothing to link to and nothing is
#   judged, so the register is this policy's declared input.
# custom:
#   controls: ["5.9"]
#   severity: low
#   coverage: supporting
#   inputs: ["evidence:asset_register"]
#   remediation: |
#     Tag every resource with the id of the asset it belongs to, most simply
#     with default_tags { tags = { asset = "AWS-PROD" } } in the AWS provider
#     block, and list that asset, with its owner, in the asset register.
package annexa.controls.c5_9.aws_asset_tags

import data.annexa.lib.evidence
import data.annexa.lib.governance
import data.annexa.lib.tags

keys := {"asset", "assetid"}

registered := {e.entry.id | some e in evidence.entries("asset_register")}

in_use := {e.entry.id | some e in governance.active_assets}

deny contains f if {
	count(registered) > 0
	some r in tags.aws_resources
	tags.known(r)
	count(tags.values(r, keys)) == 0
	f := {
		"msg": sprintf("%s has no asset tag (asset or asset_id) linking it to the asset register", [r.type]),
		"resource": r.id,
	}
}

deny contains f if {
	count(registered) > 0
	some r in tags.aws_resources
	tags.known(r)
	some value in tags.values(r, keys)
	problem := unlinked(value)
	f := {
		"msg": sprintf("%s is tagged asset %q, %s", [r.type, value, problem]),
		"resource": r.id,
	}
}

unlinked(value) := "which is not in the asset register" if {
	not value in registered
} else := "which the asset register no longer lists as in use" if {
	not value in in_use
}

# judged are the AWS resources whose tags are known, once there is an
# asset register to link them to.
judged contains r.id if {
	count(registered) > 0
	some r in tags.aws_resources
	tags.known(r)
}
