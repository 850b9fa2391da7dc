package annexa.lib.values_test

import data.annexa.lib.values

test_string_or_empty if {
	values.string_or_empty("tcp") == "tcp"
	values.string_or_empty("") == ""
	values.string_or_empty(null) == ""
	values.string_or_empty(6) == ""
	values.string_or_empty(["tcp"]) == ""
}

absent_protocol(attrs) := values.string_or_empty(attrs.protocol)

test_string_or_empty_of_absent_value_is_undefined if {
	not absent_protocol({"ports": []})
	absent_protocol({"protocol": "tcp"}) == "tcp"
}

test_array_or_empty if {
	values.array_or_empty(["22", "443"]) == ["22", "443"]
	values.array_or_empty([]) == []
	values.array_or_empty(null) == []
	values.array_or_empty("22") == []
	values.array_or_empty({"a": 1}) == []
}
