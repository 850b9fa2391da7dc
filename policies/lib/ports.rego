# METADATA
# title: Port range string helpers
# description: |
#   Azure network security rules and Google Cloud firewalls write ports as
#   strings: a single port ("22"), an inclusive range ("1433-1434") or "*"
#   for every port. These helpers parse them and describe which
#   administrative and database ports (annexa.lib.net) a set of ranges
#   opens, in the same words as the security group policies.
# custom:
#   library: true
package annexa.lib.ports

import data.annexa.lib.net

# any_port is the range of all ports.
any_port := {"from": 0, "to": 65535}

# parse turns a port string into an inclusive range {"from", "to"}: "22"
# is 22 to 22, "1433-1434" is 1433 to 1434, "*" (or "any") is every port.
# Numbers are accepted as well as strings. Undefined for anything else.
parse(s) := any_port if {
	is_string(s)
	lower(trim_space(s)) in {"*", "any"}
}

parse(s) := {"from": s, "to": s} if is_number(s)

parse(s) := {"from": n, "to": n} if {
	is_string(s)
	regex.match(`^\s*[0-9]{1,5}\s*$`, s)
	n := to_number(trim_space(s))
}

parse(s) := {"from": to_number(m[1]), "to": to_number(m[2])} if {
	is_string(s)
	some m in regex.find_all_string_submatch_n(`^\s*([0-9]{1,5})\s*-\s*([0-9]{1,5})\s*$`, s, 1)
}

# parse_all parses every port string of a list, skipping empty strings and
# anything unparseable.
parse_all(list) := [r |
	some s in list
	r := parse(s)
]

# all_ports is true when one of ranges takes in every port (1-65535 counts:
# port 0 is reserved).
all_ports(ranges) if {
	some r in ranges
	r.from <= 1
	r.to >= 65535
}

# covered is true when one of ranges takes in port.
covered(ranges, port) if {
	some r in ranges
	r.from <= port
	port <= r.to
}

# exposed describes the administrative and database ports that ranges open,
# as "22 (SSH)" strings in port order, or ["all ports"]; empty when none.
exposed(ranges) := ["all ports"] if {
	all_ports(ranges)
} else := [sprintf("%d (%s)", [p, net.sensitive_ports[p]]) |
	some p in sort([q | some q, _ in net.sensitive_ports; covered(ranges, q)])
]
