package facts

import (
	"math"
	"strings"
	"unicode/utf8"
)

// resourceMeetsSchema reports whether doc, a resource fact's document (its scope
// taken off), certainly meets schemas/resource.json. It is a hand-written
// check of that schema for the shape providers make, to spare a large plan
// the general validator, which was most of the allocation and a good part
// of the time of collecting one; when it returns false the schema decides,
// and only it writes the error. It must never accept a document the schema
// rejects: TestResourceFastPathAgreesWithSchema holds it to that.
func resourceMeetsSchema(doc map[string]any) bool {
	required := 0
	for k, v := range doc {
		ok := false
		switch k {
		case "kind":
			ok, required = v == KindResource, required+1
		case "source":
			ok, required = validSource(v), required+1
		case "id", "base_address", "name":
			ok, required = nonEmptyString(v), required+1
		case "type":
			ok, required = isTypeName(v), required+1
		case "mode":
			ok, required = v == ModeManaged || v == ModeData, required+1
		case "attributes":
			_, ok = v.(map[string]any)
			required++
		case "module":
			s, isString := v.(string)
			ok = isString && strings.HasPrefix(s, "module.")
		case "index":
			switch x := v.(type) {
			case string:
				ok = true
			case float64:
				ok = x == math.Trunc(x) && !math.IsInf(x, 0)
			}
		case "provider_name":
			_, ok = v.(string)
		case "actions":
			ok = allStrings(v, 0, false, isAction)
		case "unknown", "sensitive":
			ok = allStrings(v, 0, true, nil)
		case "configured":
			ok = allStrings(v, 1, true, nil)
		case "detected":
			m, isMap := v.(map[string]any)
			ok = isMap
			for _, x := range m {
				ok = ok && nonEmptyString(x)
			}
		case "references":
			m, isMap := v.(map[string]any)
			ok = isMap
			for _, x := range m {
				ok = ok && allStrings(x, 0, false, nil)
			}
		}
		if !ok {
			return false
		}
	}
	return required == 8
}

// validSource reports whether v certainly meets schemas/source.json.
func validSource(v any) bool {
	src, ok := v.(map[string]any)
	if !ok {
		return false
	}
	required := 0
	for k, v := range src {
		ok := false
		switch k {
		case "provider":
			ok, required = nonEmptyString(v), required+1
		case "file":
			_, ok = v.(string)
			required++
		case "line", "column":
			x, isFloat := v.(float64)
			ok = isFloat && x >= 1 && x == math.Trunc(x) && !math.IsInf(x, 0)
		case "scope":
			s, isString := v.(string)
			ok = isString && s != "" && !strings.Contains(s, "//")
		}
		if !ok {
			return false
		}
	}
	return required == 2
}

func nonEmptyString(v any) bool {
	s, ok := v.(string)
	return ok && s != ""
}

// isTypeName matches ^[A-Za-z][A-Za-z0-9_-]*$.
func isTypeName(v any) bool {
	s, ok := v.(string)
	if !ok || s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if i == 0 && !letter || !letter && !(c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func isAction(s string) bool {
	switch s {
	case "no-op", "create", "read", "update", "delete", "forget":
		return true
	}
	return false
}

// allStrings reports whether v is an array of strings of at least minLen
// characters, each distinct when unique is set and each accepted by ok
// when it is given.
func allStrings(v any, minLen int, unique bool, ok func(string) bool) bool {
	xs, isArray := v.([]any)
	if !isArray {
		return false
	}
	var seen map[string]bool
	if unique && len(xs) > 1 {
		seen = make(map[string]bool, len(xs))
	}
	for _, x := range xs {
		s, isString := x.(string)
		if !isString || utf8.RuneCountInString(s) < minLen || ok != nil && !ok(s) {
			return false
		}
		if seen != nil {
			if seen[s] {
				return false
			}
			seen[s] = true
		}
	}
	return true
}
