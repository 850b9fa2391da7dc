# METADATA
# title: Network exposure helpers
# description: |
#   Port and address-range predicates shared by the security group policies:
#   which ranges mean "the whole internet", which ports are administrative or
#   database ports, and whether a rule's protocol and port range take in a
#   given port.
# custom:
#   library: true
package annexa.lib.net

# open_cidrs are the source ranges that admit any IPv4 or IPv6 address, in
# their canonical spelling (is_internet recognises every spelling).
open_cidrs := {"0.0.0.0/0", "::/0"}

# is_open is true when cidr admits any address (see is_internet).
is_open(cidr) if is_internet(cidr)

# is_internet is true when cidr is the whole IPv4 or IPv6 address space,
# however it is spelled: a prefix length of zero ("/0", "/00") after any
# IPv4 or IPv6 address ("0.0.0.0/0", "::/0", "0::/0",
# "0:0:0:0:0:0:0:0/0", " 0.0.0.0/0 "). A zero-length prefix takes in every
# address whatever the address bits say. Anything that is not a string, or
# has no prefix length, is not the internet.
is_internet(cidr) if {
	is_string(cidr)
	parts := split(trim_space(cidr), "/")
	count(parts) == 2
	regex.match(`^0+$`, parts[1])
	is_address(parts[0])
}

# is_address is true for an IPv4 address in dotted decimal or an IPv6
# address in any of its textual forms (with "::" compression or an embedded
# IPv4 tail).
is_address(s) if regex.match(`^[0-9]{1,3}(\.[0-9]{1,3}){3}$`, s)

is_address(s) if regex.match(`^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$`, s)

# admin_ports are remote administration ports: SSH, RDP, WinRM, VNC, Telnet.
admin_ports := {
	22: "SSH",
	23: "Telnet",
	3389: "RDP",
	5900: "VNC",
	5985: "WinRM",
	5986: "WinRM over HTTPS",
}

# database_ports are the default ports of common databases and data stores.
database_ports := {
	1433: "SQL Server",
	1521: "Oracle",
	2379: "etcd",
	3306: "MySQL/MariaDB",
	5432: "PostgreSQL",
	5439: "Redshift",
	6379: "Redis",
	7000: "Cassandra",
	9042: "Cassandra",
	9200: "Elasticsearch/OpenSearch",
	11211: "Memcached",
	27017: "MongoDB",
}

# sensitive_ports maps every administrative and database port to its service.
sensitive_ports := object.union(admin_ports, database_ports)

# all_protocols are the protocol values that mean "every protocol"; AWS
# ignores the port range of such a rule, so it opens every port.
all_protocols := {"-1", "all"}

# covers is true when a rule with the given protocol and inclusive port range
# admits TCP or UDP traffic to port. A port bound of -1 (what the AWS CLI
# sends for --port all) or null (left out) is the open end of the range:
# EC2 stores a TCP or UDP rule from -1 to -1 as every port, 0-65535. A
# range from 0 to 0 is port 0 alone: only protocol -1 ignores its range.
covers(protocol, _, _, _) if is_all(protocol)

covers(protocol, from, to, port) if {
	lower(format_int_or_string(protocol)) in {"tcp", "udp", "6", "17"}
	range_from(from) <= port
	port <= range_to(to)
}

range_from(p) := p if {
	is_number(p)
	p >= 0
} else := 0

range_to(p) := p if {
	is_number(p)
	p >= 0
} else := 65535

# exposed_ports describes, for a rule, the sensitive ports it opens, as a
# list of "22 (SSH)" strings in port order; empty when it opens none.
exposed_ports(protocol, _, _) := ["all ports"] if is_all(protocol)

exposed_ports(protocol, from, to) := [sprintf("%d (%s)", [port, sensitive_ports[port]]) |
	some port in sort([p | some p, _ in sensitive_ports; covers(protocol, from, to, p)])
] if not is_all(protocol)

is_all(protocol) if lower(format_int_or_string(protocol)) in all_protocols

format_int_or_string(x) := x if is_string(x)

format_int_or_string(x) := sprintf("%d", [x]) if is_number(x)
