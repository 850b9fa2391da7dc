# METADATA
# title: sshd_config helpers
# description: |
#   Accessors over sshd_config facts (kind config, type sshd_config):
#   effective global values with OpenSSH's defaults, the line a setting is
#   on, and the Match blocks that override a setting.
# custom:
#   library: true
package annexa.lib.sshd

# configs lists the sshd_config facts.
configs := object.get(data.facts.by_type, ["config", "sshd_config"], [])

# defaults are OpenSSH's built-in values (since 8.7) of the settings the
# policies judge, used when a file leaves them out.
defaults := {
	"permitrootlogin": "prohibit-password",
	"passwordauthentication": "yes",
	"permitemptypasswords": "no",
	"maxauthtries": "6",
}

# value is the global value of keyword kw (lower-cased), as written; when
# the file does not set it and includes no other file that could, the
# OpenSSH default. Undefined when it cannot be known.
value(c, kw) := lower(c.attributes.settings[kw])

value(c, kw) := defaults[kw] if {
	not has_setting(c, kw)
	count(object.get(c.attributes, "includes", [])) == 0
}

has_setting(c, kw) if _ = c.attributes.settings[kw]

# decided is true when the file decides keyword kw somewhere: its global
# value is known (set, or the default) or a Match block sets it. A policy
# judges a file for kw only then.
decided(c, kw) if value(c, kw)

decided(c, kw) if count(overrides(c, kw)) > 0

# where says where a global setting comes from, for a message:
# "line 12" or "OpenSSH default".
where(c, kw) := sprintf("line %d", [c.attributes.lines[kw]])

where(c, kw) := "OpenSSH default" if not has_setting(c, kw)

# at locates a finding about global keyword kw: {"line": N} when the
# file sets it on line N, {} when the OpenSSH default applies.
at(c, kw) := {"line": c.attributes.lines[kw]}

at(c, kw) := {} if not has_setting(c, kw)

# overrides lists the Match blocks that set kw, as
# {criteria, line, value} (value lower-cased).
overrides(c, kw) := [o |
	some m in object.get(c.attributes, "match", [])
	v := m.settings[kw]
	o := {"criteria": m.criteria, "line": m.lines[kw], "value": lower(v)}
]

# file is the configuration file a fact was read from.
file(c) := c.source.file
