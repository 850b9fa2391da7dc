# METADATA
# title: SSH servers offer no weak ciphers, MACs or key exchanges
# description: |
#   The Ciphers, MACs and KexAlgorithms an sshd_config sets (a list, or
#   +additions to or ^preferences over the defaults) include no broken or
#   obsolete algorithm: CBC-mode ciphers, arcfour (RC4), 3DES, Blowfish and
#   CAST; MD5, SHA-1, 64-bit UMAC and RIPEMD-160 MACs; SHA-1 key exchanges
#   (diffie-hellman-group1-sha1, diffie-hellman-group14-sha1,
#   diffie-hellman-group-exchange-sha1). Settings that only remove
#   algorithms (-list) and files leaving them at the default (which is
#   strong in current OpenSSH) pass.
# custom:
#   controls: ["8.24", "8.5"]
#   severity: medium
#   coverage: partial
#   inputs: ["config:sshd_config"]
#   remediation: |
#     Remove the weak algorithms, or drop the setting to use OpenSSH's
#     defaults: e.g. Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,
#     MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,
#     KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256.
package annexa.controls.c8_24.sshd_crypto

import data.annexa.lib.sshd

settings := {"ciphers": "Ciphers", "macs": "MACs", "kexalgorithms": "KexAlgorithms"}

deny contains finding if {
	some c in sshd.configs
	some kw, label in settings
	value := lower(c.attributes.settings[kw])
	not startswith(value, "-")
	weak_algs := sort([a | some a in algorithms(value); weak(kw, a)])
	count(weak_algs) > 0
	finding := {
		"msg": sprintf("%s allows weak %s: %s (line %d)", [sshd.file(c), label, concat(", ", weak_algs), c.attributes.lines[kw]]),
		"resource": c.id,
		"line": c.attributes.lines[kw],
		"details": {"setting": label, "algorithms": weak_algs},
	}
}

algorithms(value) := [trim_left(a, "+^") | some a in split(value, ",")]

weak("ciphers", a) if contains(a, "cbc")

weak("ciphers", a) if startswith(a, "arcfour")

weak("ciphers", a) if startswith(a, "3des")

weak("ciphers", a) if startswith(a, "blowfish")

weak("ciphers", a) if startswith(a, "cast128")

weak("macs", a) if startswith(a, "hmac-md5")

weak("macs", a) if startswith(a, "hmac-sha1")

weak("macs", a) if startswith(a, "umac-64")

weak("macs", a) if startswith(a, "hmac-ripemd160")

weak("kexalgorithms", a) if endswith(a, "-sha1")

weak("kexalgorithms", a) if contains(a, "-sha1-")

# judged are the sshd_config files that set an algorithm list, or leave
# them all to OpenSSH's defaults without including other files that could
# set them.
judged contains c.id if {
	some c in sshd.configs
	some kw, _ in settings
	sshd.has_setting(c, kw)
}

judged contains c.id if {
	some c in sshd.configs
	count(object.get(c.attributes, "includes", [])) == 0
}
