package tfplan

import (
	"slices"
	"strconv"
	"strings"

	"github.com/annexa-dev/annexa/providers/facts"
)

// secretWords are attribute-name endings whose string values are treated as
// secrets even when the plan does not mark them sensitive.
var secretWords = []string{
	"password", "passwd", "secret", "token", "private_key", "secret_key", "access_key", "api_key",
}

// minContainedSecret is the shortest sensitive variable value that is also
// scrubbed where it appears inside a longer string; shorter values are only
// redacted where they are the whole value, so that a secret such as "1" does
// not mangle every string holding that character.
const minContainedSecret = 6

// isSecretName reports whether an attribute named key holds a secret by its
// name alone.
func isSecretName(key string) bool {
	key = strings.ToLower(key)
	for _, w := range secretWords {
		if key == w || strings.HasSuffix(key, "_"+w) {
			return true
		}
	}
	return false
}

// redactor turns a raw attribute value into the form policies see: values
// unknown until apply removed and recorded, sensitive values replaced by
// facts.Redacted and recorded.
type redactor struct {
	// secrets are the values of sensitive variables, longest first so that
	// a secret containing another is replaced whole.
	secrets   []string
	unknown   []string
	sensitive []string
}

func newRedactor(secrets []string) *redactor {
	s := slices.Clone(secrets)
	slices.SortFunc(s, func(a, b string) int { return len(b) - len(a) })
	return &redactor{secrets: slices.Compact(s)}
}

// attributes redacts a resource's top-level value. unknownMask mirrors the
// value with true at unknown leaves; each sensitive mask mirrors it with true
// at sensitive leaves.
func (r *redactor) attributes(value, unknownMask any, sensitiveMasks ...any) map[string]any {
	r.unknown, r.sensitive = nil, nil
	out, _ := r.walk(value, unknownMask, sensitiveMasks, "", "")
	m, ok := out.(map[string]any)
	if !ok {
		m = map[string]any{}
	}
	slices.Sort(r.unknown)
	slices.Sort(r.sensitive)
	r.unknown = slices.Compact(r.unknown)
	r.sensitive = slices.Compact(r.sensitive)
	return m
}

// walk returns the redacted value and whether it is known (and so kept).
func (r *redactor) walk(v, unk any, sens []any, path, key string) (any, bool) {
	if unk == true {
		r.unknown = append(r.unknown, path)
		return nil, false
	}
	if slices.Contains(sens, any(true)) {
		if v == nil {
			return nil, true
		}
		r.sensitive = append(r.sensitive, path)
		return facts.Redacted, true
	}
	switch x := v.(type) {
	case map[string]any:
		um, _ := unk.(map[string]any)
		out := make(map[string]any, len(x))
		for k, child := range x {
			if cv, known := r.walk(child, um[k], childMasks(sens, k), join(path, k), k); known {
				out[k] = cv
			}
		}
		for k, u := range um {
			if _, present := x[k]; !present && containsTrue(u) {
				r.unknown = append(r.unknown, join(path, k))
			}
		}
		return out, true
	case []any:
		ul, _ := unk.([]any)
		out := make([]any, len(x))
		for i, child := range x {
			var u any
			if i < len(ul) {
				u = ul[i]
			}
			// An unknown element stays as null so the list keeps its length
			// and indexes; its path is recorded in unknown.
			cv, _ := r.walk(child, u, childMasksAt(sens, i), join(path, strconv.Itoa(i)), key)
			out[i] = cv
		}
		return out, true
	case string:
		return r.scrub(x, path, key), true
	default:
		return v, true
	}
}

// scrub redacts a string by its attribute name or by the sensitive variable
// values it holds.
func (r *redactor) scrub(s, path, key string) string {
	if s == "" || s == facts.Redacted {
		return s
	}
	if isSecretName(key) {
		r.sensitive = append(r.sensitive, path)
		return facts.Redacted
	}
	out := s
	for _, secret := range r.secrets {
		switch {
		case out == secret:
			out = facts.Redacted
		case len(secret) >= minContainedSecret && strings.Contains(out, secret):
			out = strings.ReplaceAll(out, secret, facts.Redacted)
		}
	}
	if out != s {
		r.sensitive = append(r.sensitive, path)
	}
	return out
}

func join(path, elem string) string {
	if path == "" {
		return elem
	}
	return path + "." + elem
}

func childMasks(masks []any, key string) []any {
	var out []any
	for _, m := range masks {
		if mm, ok := m.(map[string]any); ok {
			out = append(out, mm[key])
		}
	}
	return out
}

func childMasksAt(masks []any, i int) []any {
	var out []any
	for _, m := range masks {
		if ml, ok := m.([]any); ok && i < len(ml) {
			out = append(out, ml[i])
		}
	}
	return out
}

// containsTrue reports whether a mask marks anything at or below it.
func containsTrue(m any) bool {
	switch x := m.(type) {
	case bool:
		return x
	case map[string]any:
		for _, v := range x {
			if containsTrue(v) {
				return true
			}
		}
	case []any:
		for _, v := range x {
			if containsTrue(v) {
				return true
			}
		}
	}
	return false
}

// stringLeaves collects every string inside a variable's value, which may
// be any Terraform type.
func stringLeaves(v any, out []string) []string {
	switch x := v.(type) {
	case string:
		if x != "" {
			out = append(out, x)
		}
	case map[string]any:
		for _, c := range x {
			out = stringLeaves(c, out)
		}
	case []any:
		for _, c := range x {
			out = stringLeaves(c, out)
		}
	}
	return out
}
