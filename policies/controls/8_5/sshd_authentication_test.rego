package annexa.controls.c8_5.sshd_authentication_test

import data.annexa.controls.c8_5.sshd_authentication as check
import data.annexa.lib.testing

sshd(settings, lines, extra) := testing.facts([testing.config(
	"sshd_config",
	"etc/ssh/sshd_config",
	object.union({"settings": settings, "lines": lines}, extra),
)])

hardened := {"passwordauthentication": "no", "permitemptypasswords": "no", "maxauthtries": "3"}

test_pass_hardened if {
	count(check.deny) == 0 with data.facts as sshd(hardened, {"passwordauthentication": 10, "permitemptypasswords": 11, "maxauthtries": 12}, {})
}

test_pass_unset_with_include_not_judged if {
	count(check.deny) == 0 with data.facts as sshd({}, {}, {"includes": ["/etc/ssh/sshd_config.d/*.conf"]})
}

test_fail_defaults if {
	findings := check.deny with data.facts as sshd({}, {}, {})
	{f.details.setting | some f in findings} == {"PasswordAuthentication", "MaxAuthTries"}
	some f in findings
	f.msg == "etc/ssh/sshd_config allows password authentication (PasswordAuthentication yes, OpenSSH default)"
}

test_fail_explicit_yes_mixed_case if {
	findings := check.deny with data.facts as sshd(
		object.union(hardened, {"passwordauthentication": "Yes", "permitemptypasswords": "yes"}),
		{"passwordauthentication": 7, "permitemptypasswords": 8, "maxauthtries": 9},
		{},
	)
	count(findings) == 2
	some f in findings
	f.msg == "etc/ssh/sshd_config accepts empty passwords (PermitEmptyPasswords yes, line 8)"
	f.severity == "high"
}

test_fail_match_block_enables_passwords if {
	match := {"match": [{
		"criteria": "Address 192.168.0.0/16",
		"line": 40,
		"settings": {"passwordauthentication": "yes"},
		"lines": {"passwordauthentication": 41},
	}]}
	findings := check.deny with data.facts as sshd(hardened, {"passwordauthentication": 1, "permitemptypasswords": 2, "maxauthtries": 3}, match)
	findings == {{
		"msg": "etc/ssh/sshd_config allows password authentication for Match Address 192.168.0.0/16 (line 41)",
		"resource": "sshd_config:etc/ssh/sshd_config",
		"line": 41,
		"details": {"setting": "PasswordAuthentication", "match": "Address 192.168.0.0/16"},
	}}
}

test_pass_max_auth_tries_boundary if {
	settings := object.union(hardened, {"maxauthtries": "4"})
	count(check.deny) == 0 with data.facts as sshd(settings, {"passwordauthentication": 1, "permitemptypasswords": 2, "maxauthtries": 3}, {})
}

test_pass_judges_files_that_decide if {
	check.judged == {"sshd_config:etc/ssh/sshd_config"} with data.facts as sshd(hardened, {"passwordauthentication": 10, "permitemptypasswords": 11, "maxauthtries": 12}, {})
	count(check.judged) == 0 with data.facts as sshd({}, {}, {"includes": ["/etc/ssh/sshd_config.d/*.conf"]})
}
