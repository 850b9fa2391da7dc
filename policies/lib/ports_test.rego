package annexa.lib.ports_test

import data.annexa.lib.ports

test_parse if {
	ports.parse("22") == {"from": 22, "to": 22}
	ports.parse(" 1433-1434 ") == {"from": 1433, "to": 1434}
	ports.parse("*") == {"from": 0, "to": 65535}
	ports.parse("Any") == {"from": 0, "to": 65535}
	ports.parse(3389) == {"from": 3389, "to": 3389}
}

test_parse_rejects_garbage if {
	not ports.parse("")
	not ports.parse("ssh")
	not ports.parse("22,23")
	not ports.parse(null)
	not ports.parse("123456")
}

test_parse_all_skips_empty if {
	ports.parse_all(["", "22", "8000-8100", "x"]) == [{"from": 22, "to": 22}, {"from": 8000, "to": 8100}]
}

test_exposed if {
	ports.exposed(ports.parse_all(["1433-1434", "443"])) == ["1433 (SQL Server)"]
	ports.exposed(ports.parse_all(["20-23"])) == ["22 (SSH)", "23 (Telnet)"]
	ports.exposed(ports.parse_all(["80", "443"])) == []
	ports.exposed(ports.parse_all(["*"])) == ["all ports"]
	ports.exposed(ports.parse_all(["1-65535"])) == ["all ports"]
	ports.exposed([]) == []
}
