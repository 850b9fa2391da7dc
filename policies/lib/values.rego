# METADATA
# title: Value helpers
# description: |
#   Total readers for attribute values that may be null or of an
#   unexpected type, so that built-ins never see a value of the wrong type.
#   An absent value (omitted, or unknown until apply) still leaves the call
#   undefined: read it with object.get and a default first where a rule
#   must not silently pass.
# custom:
#   library: true
package annexa.lib.values

# string_or_empty is x when it is a string, else "".
string_or_empty(x) := x if is_string(x)

else := ""

# array_or_empty is x when it is an array, else []. Unlike tf.as_list it
# does not wrap a single value: a value of another type is no list.
array_or_empty(x) := x if is_array(x)

else := []
