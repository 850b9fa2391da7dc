package waiver

import (
	"fmt"
	"strings"
)

// InlineMarker starts an inline suppression in a Terraform comment
// (# annexa:ignore POLICY reason="..." expires=DATE) on the lines right
// above a resource block.
const InlineMarker = "annexa:ignore"

// Annotation is the Kubernetes annotation holding an object's inline
// suppressions, one a line, each as written after InlineMarker.
const Annotation = "annexa.dev/ignore"

// ParseInline reads the inline suppression in a comment line text, if it
// holds one (ok), as a waiver of resource written at file:line.
func ParseInline(file string, line int, resource, text string) (w Waiver, ok bool, err error) {
	_, rest, found := strings.Cut(text, InlineMarker)
	if !found {
		return Waiver{}, false, nil
	}
	w, err = ParseDirective(file, line, resource, rest)
	return w, true, err
}

// ParseDirective reads a suppression as written after InlineMarker (or in
// the Kubernetes annotation): a policy id or glob, then key=value fields
// (reason, expires, approved_by, risk, control), values in double quotes
// when they hold spaces. Errors name file:line.
func ParseDirective(file string, line int, resource, text string) (Waiver, error) {
	w := Waiver{Resource: resource, File: file, Line: line, Inline: true}
	toks, err := tokens(text)
	if err != nil {
		return Waiver{}, fmt.Errorf("%s:%d: %s: %w", file, line, InlineMarker, err)
	}
	for i, tok := range toks {
		key, value, isField := strings.Cut(tok, "=")
		if !isField {
			if i == 0 {
				w.Policy = tok
				continue
			}
			return Waiver{}, fmt.Errorf("%s:%d: %s: %q is not a key=value field (reason, expires, approved_by, risk, control)", file, line, InlineMarker, tok)
		}
		if key == "resource" || !w.set(key, value) {
			return Waiver{}, fmt.Errorf("%s:%d: %s: unknown field %q (expected reason, expires, approved_by, risk, control)", file, line, InlineMarker, key)
		}
	}
	if err := w.Check(); err != nil {
		return Waiver{}, err
	}
	return w, nil
}

// tokens splits text at spaces, keeping double-quoted values (key="a b")
// whole, without their quotes; \" and \\ escape inside quotes.
func tokens(text string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inQuote, escaped, has := false, false, false
	for _, r := range text {
		switch {
		case escaped:
			cur.WriteRune(r)
			escaped = false
		case inQuote && r == '\\':
			escaped = true
		case r == '"':
			inQuote = !inQuote
			has = true
		case !inQuote && (r == ' ' || r == '\t'):
			if has || cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
				has = false
			}
		default:
			cur.WriteRune(r)
		}
	}
	if inQuote {
		return nil, fmt.Errorf("unterminated quoted value")
	}
	if has || cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out, nil
}
