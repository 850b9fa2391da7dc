# METADATA
# title: SSH servers do not allow root to log in interactively
# description: |
#   An sshd_config sets PermitRootLogin to no, prohibit-password (OpenSSH's
#   default, also spelled without-password) or forced-commands-only; yes
#   lets anyone who learns root's password, or holds a key for it, log in
#   with full privilege and no personal accountability. Match blocks that
#   allow root logins are reported with their criteria. A file that
#   Includes others is judged only on what it sets itself.
# custom:
#   controls: ["8.2", "8.5"]
#   severity: high
#   coverage: partial
#   inputs: ["config:sshd_config"]
#   remediation: |
#     Set PermitRootLogin no; administrators log in with their own account
#     and elevate with sudo, so every privileged action is attributable.
package annexa.controls.c8_2.sshd_root_login

import data.annexa.lib.sshd

deny contains finding if {
	some c in sshd.configs
	sshd.value(c, "permitrootlogin") == "yes"
	finding := object.union(
		{
			"msg": sprintf("%s lets root log in (PermitRootLogin yes, %s)", [sshd.file(c), sshd.where(c, "permitrootlogin")]),
			"resource": c.id,
		},
		sshd.at(c, "permitrootlogin"),
	)
}

deny contains finding if {
	some c in sshd.configs
	some o in sshd.overrides(c, "permitrootlogin")
	o.value == "yes"
	finding := {
		"msg": sprintf("%s lets root log in for Match %s (line %d)", [sshd.file(c), o.criteria, o.line]),
		"resource": c.id,
		"line": o.line,
		"details": {"match": o.criteria},
	}
}

# judged are the sshd_config files that decide PermitRootLogin.
judged contains c.id if {
	some c in sshd.configs
	sshd.decided(c, "permitrootlogin")
}
