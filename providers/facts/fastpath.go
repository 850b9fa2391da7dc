package facts

import (
	"strings"
	"unicode/utf8"
)

// resourceMeetsSchema reports whether the document of f, a resource fact,
// certainly meets schemas/resource.json once its scope is taken off. It is
// a hand-written check of that schema, made on the fact itself, to spare
// a large plan the general validator and the document it reads: they were
// most of the allocation and a good part of the time of collecting one.
// When it returns false the schema decides, and only it writes the error.
// It must never accept a fact whose document the schema rejects:
// TestResourceFastPathAgreesWithSchema holds it to that.
func resourceMeetsSchema(f *Fact) bool {
	// Document leaves out empty strings, and id, base_address and name
	// are required: empty, they are missing.
	id, idOK := unscoped(f.ID, f.Source.Scope)
	base, baseOK := unscoped(f.BaseAddress, f.Source.Scope)
	if f.Kind != KindResource || !validSource(f.Source) ||
		!idOK || id == "" || !baseOK || base == "" || f.Name == "" ||
		!isTypeName(f.Type) || f.Mode != ModeManaged && f.Mode != ModeData ||
		f.Module != "" && !strings.HasPrefix(f.Module, "module.") {
		return false
	}
	// Document writes an int index as a whole number and a string as it
	// is, and leaves out any other; both meet the schema.
	if len(f.Actions) > 0 && !allStrings(f.Actions, 0, false, isAction) ||
		len(f.Unknown) > 0 && !allStrings(f.Unknown, 0, true, nil) ||
		len(f.Sensitive) > 0 && !allStrings(f.Sensitive, 0, true, nil) ||
		f.Configured != nil && !allStrings(f.Configured, 1, true, nil) {
		return false
	}
	for _, v := range f.Detected {
		if v == "" {
			return false
		}
	}
	for _, v := range f.References {
		if !allStrings(v, 0, false, nil) {
			return false
		}
	}
	return true
}

// unscoped is s without the scope prefix a scoped fact's id and base
// address carry; false when s lacks it, which the schema check reports.
func unscoped(s, scope string) (string, bool) {
	if scope == "" {
		return s, true
	}
	return strings.CutPrefix(s, scope+ScopeSeparator)
}

// validSource reports whether the document of src certainly meets
// schemas/source.json: Document writes line and column only when
// positive, and so always as whole numbers of at least 1.
func validSource(src Source) bool {
	return src.Provider != "" && (src.Scope == "" || !strings.Contains(src.Scope, "//"))
}

// isTypeName matches ^[A-Za-z][A-Za-z0-9_-]*$.
func isTypeName(s string) bool {
	if s == "" {
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

// allStrings reports whether each of xs has at least minLen characters,
// is distinct from the others when unique is set and is accepted by ok
// when it is given.
func allStrings(xs []string, minLen int, unique bool, ok func(string) bool) bool {
	var seen map[string]bool
	if unique && len(xs) > 1 {
		seen = make(map[string]bool, len(xs))
	}
	for _, s := range xs {
		if utf8.RuneCountInString(s) < minLen || ok != nil && !ok(s) {
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
