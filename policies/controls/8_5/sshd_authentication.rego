# METADATA
# title: SSH servers use strong authentication
# description: |
#   An sshd_config does not allow password authentication
#   (PasswordAuthentication yes, OpenSSH's default when the file does not
#   set it), never accepts empty passwords (PermitEmptyPasswords yes), and
#   allows at most 4 authentication attempts per connection (MaxAuthTries,
#   default 6). Match blocks that turn password authentication back on are
#   reported with their criteria. A file that Includes others is judged
#   only on what it sets itself.
# custom:
#   controls: ["8.5"]
#   severity: medium
#   coverage: partial
#   inputs: ["config:sshd_config"]
#   remediation: |
#     Set PasswordAuthentication no and PermitEmptyPasswords no, use public
#     keys or certificates (with a second factor where required), and set
#     MaxAuthTries 3 or 4.
package annexa.controls.c8_5.sshd_authentication

import data.annexa.lib.sshd

deny contains finding if {
	some c in sshd.configs
	sshd.value(c, "passwordauthentication") == "yes"
	finding := object.union(
		{
			"msg": sprintf("%s allows password authentication (PasswordAuthentication yes, %s)", [sshd.file(c), sshd.where(c, "passwordauthentication")]),
			"resource": c.id,
			"details": {"setting": "PasswordAuthentication"},
		},
		sshd.at(c, "passwordauthentication"),
	)
}

deny contains finding if {
	some c in sshd.configs
	some o in sshd.overrides(c, "passwordauthentication")
	o.value == "yes"
	finding := {
		"msg": sprintf("%s allows password authentication for Match %s (line %d)", [sshd.file(c), o.criteria, o.line]),
		"resource": c.id,
		"line": o.line,
		"details": {"setting": "PasswordAuthentication", "match": o.criteria},
	}
}

deny contains finding if {
	some c in sshd.configs
	sshd.value(c, "permitemptypasswords") == "yes"
	finding := object.union(
		{
			"msg": sprintf("%s accepts empty passwords (PermitEmptyPasswords yes, %s)", [sshd.file(c), sshd.where(c, "permitemptypasswords")]),
			"resource": c.id,
			"severity": "high",
			"details": {"setting": "PermitEmptyPasswords"},
		},
		sshd.at(c, "permitemptypasswords"),
	)
}

deny contains finding if {
	some c in sshd.configs
	tries := sshd.value(c, "maxauthtries")
	regex.match(`^[0-9]+$`, tries)
	to_number(tries) > 4
	finding := object.union(
		{
			"msg": sprintf("%s allows %s authentication attempts per connection (MaxAuthTries, %s); at most 4 slows password guessing", [sshd.file(c), tries, sshd.where(c, "maxauthtries")]),
			"resource": c.id,
			"severity": "low",
			"details": {"setting": "MaxAuthTries"},
		},
		sshd.at(c, "maxauthtries"),
	)
}

# judged are the sshd_config files that decide one of the settings it
# checks.
judged contains c.id if {
	some c in sshd.configs
	some kw in ["passwordauthentication", "permitemptypasswords", "maxauthtries"]
	sshd.decided(c, kw)
}
