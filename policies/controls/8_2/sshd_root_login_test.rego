package annexa.controls.c8_2.sshd_root_login_test

import data.annexa.controls.c8_2.sshd_root_login as check
import data.annexa.lib.testing

sshd(attrs) := testing.facts([testing.config("sshd_config", "sshd_config", attrs)])

test_pass_no if {
	count(check.deny) == 0 with data.facts as sshd({"settings": {"permitrootlogin": "no"}, "lines": {"permitrootlogin": 3}})
}

test_pass_default_prohibit_password if {
	count(check.deny) == 0 with data.facts as sshd({"settings": {}, "lines": {}})
}

test_fail_yes if {
	findings := check.deny with data.facts as sshd({"settings": {"permitrootlogin": "YES"}, "lines": {"permitrootlogin": 32}})
	findings == {{"msg": "sshd_config lets root log in (PermitRootLogin yes, line 32)", "resource": "sshd_config:sshd_config", "line": 32}}
}

test_fail_match_block if {
	findings := check.deny with data.facts as sshd({
		"settings": {"permitrootlogin": "no"},
		"lines": {"permitrootlogin": 3},
		"match": [{"criteria": "Address 10.0.0.5", "line": 50, "settings": {"permitrootlogin": "yes"}, "lines": {"permitrootlogin": 51}}],
	})
	some f in findings
	f.details.match == "Address 10.0.0.5"
	f.line == 51
}

test_pass_judges_files_that_decide if {
	check.judged == {"sshd_config:sshd_config"} with data.facts as sshd({"settings": {}, "lines": {}})
	count(check.judged) == 0 with data.facts as sshd({"settings": {}, "lines": {}, "includes": ["/etc/ssh/sshd_config.d/*.conf"]})
}
