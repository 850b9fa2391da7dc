package annexa.lib.net_test

import data.annexa.lib.net

test_is_open if {
	net.is_open("0.0.0.0/0")
	net.is_open("::/0")
	not net.is_open("10.0.0.0/8")
	not net.is_open("0.0.0.0/1")
	net.is_open("0::/0")
}

test_is_internet_every_spelling if {
	every c in ["0.0.0.0/0", "::/0", "0::/0", "0:0:0:0:0:0:0:0/0", "0.0.0.0/00", " 0.0.0.0/0 ", "::0/0", "0000::/0", "10.0.0.0/0"] {
		net.is_internet(c)
	}
}

test_is_internet_not_smaller_ranges if {
	every c in ["0.0.0.0/1", "10.0.0.0/8", "::/1", "2001:db8::/32", "0.0.0.0", "::", "*", "", "/0", "0.0.0.0/0/0", "0.0.0.0/x", "example/0"] {
		not net.is_internet(c)
	}
	not net.is_internet(null)
	not net.is_internet(0)
}

test_sensitive_ports if {
	net.sensitive_ports[22] == "SSH"
	net.sensitive_ports[5432] == "PostgreSQL"
	not net.sensitive_ports[443]
	count(net.sensitive_ports) == count(net.admin_ports) + count(net.database_ports)
}

test_covers_tcp_and_udp_ranges if {
	net.covers("tcp", 22, 22, 22)
	net.covers("TCP", 0, 65535, 3389)
	net.covers("udp", 20, 30, 23)
	net.covers(6, 22, 22, 22)
	net.covers("17", 1, 100, 22)
	not net.covers("tcp", 23, 100, 22)
	not net.covers("tcp", 1, 21, 22)
	not net.covers("icmp", 0, 65535, 22)
}

test_covers_every_protocol_whatever_the_range if {
	net.covers("-1", 0, 0, 22)
	net.covers(-1, 0, 0, 22)
	net.covers("ALL", 443, 443, 22)
}

test_exposed_ports if {
	net.exposed_ports("tcp", 0, 65535)[0] == "22 (SSH)"
	net.exposed_ports("tcp", 20, 25) == ["22 (SSH)", "23 (Telnet)"]
	net.exposed_ports("tcp", 443, 443) == []
	net.exposed_ports("-1", 443, 443) == ["all ports"]
	net.exposed_ports("icmp", 0, 65535) == []
}

test_format_int_or_string if {
	net.format_int_or_string("tcp") == "tcp"
	net.format_int_or_string(-1) == "-1"
	not net.format_int_or_string(null)
}

test_covers_minus_one_and_absent_bounds_as_every_port if {
	net.covers("tcp", -1, -1, 22)
	net.covers("6", -1, -1, 3389)
	net.covers("tcp", null, null, 5432)
	net.exposed_ports("tcp", -1, -1) == [sprintf("%d (%s)", [p, net.sensitive_ports[p]]) | some p in sort(object.keys(net.sensitive_ports))]
}

test_covers_tcp_zero_to_zero_is_port_zero_only if {
	not net.covers("tcp", 0, 0, 22)
	net.exposed_ports("tcp", 0, 0) == []
}
