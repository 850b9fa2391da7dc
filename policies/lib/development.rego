# METADATA
# title: Development evidence helpers
# description: |
#   Who develops, and what is developed: the applications in the asset
#   register (software assets in use) and the developers in the personnel
#   register, as the policies of the development controls (8.25 to 8.34)
#   check records against them. Records name a system by its asset id or
#   its name, in any case.
# custom:
#   library: true
package annexa.lib.development

import data.annexa.lib.evidence
import data.annexa.lib.governance

# applications lists the software assets in use, each as {"record",
# "entry"} of the asset register.
applications := [a |
	some a in governance.active_assets
	a.entry.type == "software"
]

# names is the set of lower-case names by which records may refer to an
# asset: its id and its name.
names(asset) := {lower(asset.id), lower(asset.name)}

# refers_to is true when a system written in a record denotes asset.
refers_to(written, asset) if lower(trim_space(written)) in names(asset)

# ref is a finding's resource for an asset register entry.
ref(a) := governance.entry_id(a.record, a.entry.id)

# who names an asset for messages: "payments-api service (SW-PAYMENTS-API)".
who(a) := sprintf("%s (%s)", [a.entry.name, a.entry.id])

# developer_pattern matches the roles and departments of people who write
# or change code: engineers, developers, programmers and engineering teams.
developer_pattern := `(?i)\b(engineer|engineering|developer|development|programmer|devops|sre)\b`

# developer is true for a personnel register entry whose role or department
# marks someone who develops or changes systems.
developer(p) if regex.match(developer_pattern, p.role)

developer(p) if regex.match(developer_pattern, p.department)

# developers lists the developers working for the organisation now, each
# as {"record", "entry"} of the personnel register.
developers := [p |
	some p in evidence.entries("personnel_register")
	evidence.active(p.entry)
	developer(p.entry)
]
