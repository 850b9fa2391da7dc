package annexa.controls.c8_24.sshd_crypto_test

import data.annexa.controls.c8_24.sshd_crypto as check
import data.annexa.lib.testing

sshd(settings) := testing.facts([testing.config("sshd_config", "sshd_config", {
	"settings": settings,
	"lines": {k: 10 | some k, _ in settings},
})])

test_pass_modern_algorithms if {
	facts := sshd({
		"ciphers": "chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes256-ctr",
		"macs": "hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com",
		"kexalgorithms": "sntrup761x25519-sha512@openssh.com,curve25519-sha256,diffie-hellman-group16-sha512",
	})
	count(check.deny) == 0 with data.facts as facts
}

test_pass_removal_and_defaults if {
	count(check.deny) == 0 with data.facts as sshd({"ciphers": "-aes128-cbc,3des-cbc"})
	count(check.deny) == 0 with data.facts as sshd({})
}

test_fail_weak_everywhere if {
	facts := sshd({
		"ciphers": "+aes128-CBC,arcfour256,aes256-gcm@openssh.com",
		"macs": "hmac-sha2-256,hmac-sha1,hmac-md5-96",
		"kexalgorithms": "^diffie-hellman-group14-sha1,curve25519-sha256,diffie-hellman-group-exchange-sha1",
	})
	findings := check.deny with data.facts as facts
	{s: algs | some f in findings; s := f.details.setting; algs := f.details.algorithms} == {
		"Ciphers": ["aes128-cbc", "arcfour256"],
		"MACs": ["hmac-md5-96", "hmac-sha1"],
		"KexAlgorithms": ["diffie-hellman-group-exchange-sha1", "diffie-hellman-group14-sha1"],
	}
	some f in findings
	f.msg == "sshd_config allows weak Ciphers: aes128-cbc, arcfour256 (line 10)"
}

test_pass_judges_files_that_decide if {
	check.judged == {"sshd_config:sshd_config"} with data.facts as sshd({})
	with_include := testing.facts([testing.config("sshd_config", "sshd_config", {"settings": {}, "lines": {}, "includes": ["/etc/ssh/sshd_config.d/*.conf"]})])
	count(check.judged) == 0 with data.facts as with_include
}
