package facts

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// DocumentSize is about the number of bytes of v (a fact document, or any
// value built of maps, slices, strings, numbers, booleans and nil) as
// compact JSON: exact for strings that need no escaping, a little low for
// those that do. It costs a walk of v and no allocation for the common
// types, so a run can bound the size of its facts without encoding them.
func DocumentSize(v any) int64 {
	switch x := v.(type) {
	case nil:
		return 4
	case string:
		return int64(len(x)) + 2
	case bool:
		if x {
			return 4
		}
		return 5
	case json.Number:
		return int64(len(x))
	case float64:
		return int64(len(strconv.FormatFloat(x, 'g', -1, 64)))
	case int:
		return int64(len(strconv.Itoa(x)))
	case int64:
		return int64(len(strconv.FormatInt(x, 10)))
	case map[string]any:
		n := int64(2)
		for k, e := range x {
			n += int64(len(k)) + 4 + DocumentSize(e) // "k": and a comma
		}
		return n
	case []any:
		n := int64(2)
		for _, e := range x {
			n += DocumentSize(e) + 1
		}
		return n
	case []string:
		n := int64(2)
		for _, e := range x {
			n += int64(len(e)) + 3
		}
		return n
	case map[string]string:
		n := int64(2)
		for k, e := range x {
			n += int64(len(k)) + int64(len(e)) + 6
		}
		return n
	default:
		b, err := json.Marshal(x)
		if err != nil {
			return int64(len(fmt.Sprint(x)))
		}
		return int64(len(b))
	}
}
