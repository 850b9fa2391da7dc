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

// DocumentSize is DocumentSize(f.Document()), reckoned from the fact
// without making its document.
func (f *Fact) DocumentSize() int64 {
	n := int64(2)
	member := func(key string, size int64) { n += int64(len(key)) + 4 + size }
	str := func(key, v string) {
		if v != "" {
			member(key, int64(len(v))+2)
		}
	}
	list := func(key string, v []string) {
		if len(v) > 0 {
			member(key, DocumentSize(v))
		}
	}

	src := int64(2)
	for _, m := range []struct {
		key string
		v   any
		ok  bool
	}{
		{"provider", f.Source.Provider, true},
		{"file", f.Source.File, true},
		{"line", float64(f.Source.Line), f.Source.Line > 0},
		{"column", float64(f.Source.Column), f.Source.Column > 0},
		{"scope", f.Source.Scope, f.Source.Scope != ""},
	} {
		if m.ok {
			src += int64(len(m.key)) + 4 + DocumentSize(m.v)
		}
	}
	member("kind", int64(len(f.Kind))+2)
	member("source", src)
	member("id", int64(len(f.ID))+2)
	member("attributes", DocumentSize(jsonMap(f.Attributes)))
	str("type", f.Type)
	str("base_address", f.BaseAddress)
	str("mode", f.Mode)
	str("module", f.Module)
	str("name", f.Name)
	str("provider_name", f.ProviderName)
	switch ix := f.Index.(type) {
	case int:
		member("index", DocumentSize(float64(ix)))
	case string:
		member("index", int64(len(ix))+2)
	}
	list("actions", f.Actions)
	list("unknown", f.Unknown)
	list("sensitive", f.Sensitive)
	if len(f.Detected) > 0 {
		member("detected", DocumentSize(f.Detected))
	}
	if f.Configured != nil {
		member("configured", DocumentSize(f.Configured))
	}
	if len(f.References) > 0 {
		refs := int64(2)
		for k, v := range f.References {
			refs += int64(len(k)) + 4 + DocumentSize(v)
		}
		member("references", refs)
	}
	return n
}
