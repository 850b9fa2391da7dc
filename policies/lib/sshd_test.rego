package annexa.lib.sshd_test

import data.annexa.lib.sshd
import data.annexa.lib.testing

cfg := testing.config("sshd_config", "etc/ssh/sshd_config", {
	"settings": {"permitrootlogin": "No", "maxauthtries": "3"},
	"lines": {"permitrootlogin": 12, "maxauthtries": 14},
	"match": [
		{"criteria": "User backup", "settings": {"permitrootlogin": "Yes"}, "lines": {"permitrootlogin": 40}},
		{"criteria": "Group admins", "settings": {"maxauthtries": "2"}, "lines": {"maxauthtries": 44}},
	],
})

with_include := testing.config("sshd_config", "etc/ssh/sshd_config.d", {
	"settings": {},
	"lines": {},
	"includes": ["/etc/ssh/sshd_config.d/*.conf"],
})

test_configs if {
	[c.id | some c in sshd.configs] == ["sshd_config:etc/ssh/sshd_config"] with data.facts as testing.facts([cfg])
	sshd.configs == [] with data.facts as testing.facts([])
}

test_value_as_written_lower_cased if {
	sshd.value(cfg, "permitrootlogin") == "no"
	sshd.value(cfg, "maxauthtries") == "3"
}

test_value_defaults_when_absent if {
	sshd.value(cfg, "passwordauthentication") == "yes"
	sshd.value(cfg, "permitemptypasswords") == "no"
}

test_value_unknown_with_includes_or_without_default if {
	not sshd.value(with_include, "passwordauthentication")
	not sshd.value(cfg, "x11forwarding")
}

test_has_setting if {
	sshd.has_setting(cfg, "permitrootlogin")
	not sshd.has_setting(cfg, "passwordauthentication")
}

test_where if {
	sshd.where(cfg, "permitrootlogin") == "line 12"
	sshd.where(cfg, "passwordauthentication") == "OpenSSH default"
}

test_overrides if {
	sshd.overrides(cfg, "permitrootlogin") == [{"criteria": "User backup", "line": 40, "value": "yes"}]
	sshd.overrides(cfg, "passwordauthentication") == []
	sshd.overrides(with_include, "permitrootlogin") == []
}

test_file if {
	sshd.file(cfg) == "etc/ssh/sshd_config"
}

test_decided if {
	sshd.decided(cfg, "permitrootlogin")
	sshd.decided(cfg, "passwordauthentication")
	not sshd.decided(with_include, "permitrootlogin")
	sshd.decided(object.union(with_include, {"attributes": {"match": [{"criteria": "User x", "settings": {"permitrootlogin": "no"}, "lines": {"permitrootlogin": 3}}]}}), "permitrootlogin")
}
