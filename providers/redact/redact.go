// Package redact removes secrets from provider output before anything else
// in annexa can see them, and separates values known only after apply from
// known ones. Every provider that reads values a user may have put secrets
// in (plans, Terraform source, manifests, config files) runs them through a
// Redactor.
package redact

import (
	"slices"
	"strconv"
	"strings"

	"github.com/annexa-dev/annexa/providers/facts"
)

// secretWords are attribute-name endings whose string values are treated as
// secrets even when no source marks them sensitive.
var secretWords = []string{
	"password", "passwd", "secret", "token", "private_key", "secret_key", "access_key", "api_key",
}

// MinContainedSecret is the shortest declared secret that is also scrubbed
// where it appears inside a longer string; shorter ones are only redacted
// where they are the whole value, so that a secret such as "1" does not
// mangle every string holding that character.
const MinContainedSecret = 6

// IsSecretName reports whether an attribute named key holds a secret by its
// name alone (password, db_password, auth_token, ...).
func IsSecretName(key string) bool {
	key = strings.ToLower(key)
	for _, w := range secretWords {
		if key == w || strings.HasSuffix(key, "_"+w) {
			return true
		}
	}
	return false
}

// Redactor replaces sensitive values by facts.Redacted. It knows the
// declared secret values of a source (sensitive variables) and scrubs them
// wherever they appear. It holds no state between calls and is safe for
// concurrent use.
type Redactor struct {
	// secrets, longest first so that a secret containing another is
	// replaced whole.
	secrets []string
}

// New returns a Redactor that also scrubs the given secret values.
func New(secrets []string) *Redactor {
	s := slices.Clone(secrets)
	s = slices.DeleteFunc(s, func(v string) bool { return v == "" })
	slices.SortFunc(s, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return &Redactor{secrets: slices.Compact(s)}
}

// Result is a redacted object value with the dotted paths that were left
// out as unknown or replaced as sensitive, both sorted.
type Result struct {
	Attributes map[string]any
	Unknown    []string
	Sensitive  []string
}

// Object redacts an object value (a resource's attributes). unknownMask
// mirrors the value with true at leaves known only after apply (Terraform's
// after_unknown); each sensitive mask mirrors it with true at sensitive
// leaves (after_sensitive, before_sensitive). Unknown leaves are removed
// from maps and kept as null in lists, so list indexes stay stable.
func (r *Redactor) Object(value, unknownMask any, sensitiveMasks ...any) Result {
	w := walker{r: r}
	out, _ := w.walk(value, unknownMask, sensitiveMasks, "", "")
	m, ok := out.(map[string]any)
	if !ok {
		m = map[string]any{}
	}
	return Result{Attributes: m, Unknown: sortedSet(w.unknown), Sensitive: sortedSet(w.sensitive)}
}

// String scrubs one string found under the attribute named key, reporting
// whether anything was redacted.
func (r *Redactor) String(s, key string) (string, bool) {
	if s == "" || s == facts.Redacted {
		return s, false
	}
	if IsSecretName(key) {
		return facts.Redacted, true
	}
	out := s
	for _, secret := range r.secrets {
		switch {
		case out == secret:
			out = facts.Redacted
		case len(secret) >= MinContainedSecret && strings.Contains(out, secret):
			out = strings.ReplaceAll(out, secret, facts.Redacted)
		}
	}
	return out, out != s
}

type walker struct {
	r         *Redactor
	unknown   []string
	sensitive []string
}

// walk returns the redacted value and whether it is known (and so kept).
func (w *walker) walk(v, unk any, sens []any, path, key string) (any, bool) {
	if unk == true {
		w.unknown = append(w.unknown, path)
		return nil, false
	}
	if slices.Contains(sens, any(true)) {
		if v == nil {
			return nil, true
		}
		w.sensitive = append(w.sensitive, path)
		return facts.Redacted, true
	}
	switch x := v.(type) {
	case map[string]any:
		um, _ := unk.(map[string]any)
		out := make(map[string]any, len(x))
		for k, child := range x {
			if cv, known := w.walk(child, um[k], childMasks(sens, k), Join(path, k), k); known {
				out[k] = cv
			}
		}
		for k, u := range um {
			if _, present := x[k]; !present && containsTrue(u) {
				w.unknown = append(w.unknown, Join(path, k))
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
			cv, _ := w.walk(child, u, childMasksAt(sens, i), Join(path, strconv.Itoa(i)), key)
			out[i] = cv
		}
		return out, true
	case string:
		s, redacted := w.r.String(x, key)
		if redacted {
			w.sensitive = append(w.sensitive, path)
		}
		return s, true
	default:
		return v, true
	}
}

// Join appends elem to a dotted attribute path.
func Join(path, elem string) string {
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

// StringLeaves appends every non-empty string inside v, which may be any
// JSON-like value, to out: the secrets a sensitive variable's value holds.
func StringLeaves(v any, out []string) []string {
	switch x := v.(type) {
	case string:
		if x != "" {
			out = append(out, x)
		}
	case map[string]any:
		for _, c := range x {
			out = StringLeaves(c, out)
		}
	case []any:
		for _, c := range x {
			out = StringLeaves(c, out)
		}
	}
	return out
}

func sortedSet(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}
