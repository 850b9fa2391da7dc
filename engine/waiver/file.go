package waiver

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/providers/input"
)

// maxFileBytes bounds a waivers file; real ones are a few kilobytes.
const maxFileBytes = 4 << 20

// fields are the keys a waiver entry may have.
var fields = []string{"policy", "control", "resource", "reason", "approved_by", "expires", "risk"}

// ReadFile reads a waivers file: YAML (or JSON) holding a list of waivers,
// either at the top or under waivers:. Every problem is an error naming
// the file, the line and the field.
func ReadFile(file string) ([]Waiver, error) {
	data, err := input.ReadFile(file, maxFileBytes)
	if err != nil {
		return nil, fmt.Errorf("read waivers: %w", err)
	}
	return Parse(file, data)
}

// Parse decodes the waivers file file holding data.
func Parse(file string, data []byte) ([]Waiver, error) {
	docs, err := input.DecodeYAML(file, data, input.DecodeLimits{})
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("%s: a waivers file holds one YAML document, found %d", file, len(docs))
	}
	doc := &docs[0]
	list, pointer := doc.Value, ""
	if top, ok := list.(map[string]any); ok {
		for _, k := range slices.Sorted(maps.Keys(top)) {
			if k != "waivers" {
				return nil, fmt.Errorf("%s: unknown key %q: a waivers file holds a list of waivers, at the top or under waivers:", doc.Where("/"+k), k)
			}
		}
		list, pointer = top["waivers"], "/waivers"
	}
	entries, ok := list.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: expected a list of waivers, found %s", doc.Where(pointer), input.Describe(list))
	}
	var out []Waiver
	var errs []error
	for i, raw := range entries {
		at := fmt.Sprintf("%s/%d", pointer, i)
		w, err := entry(doc, at, raw)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, w)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// entry reads one waiver at pointer.
func entry(doc *input.Document, pointer string, raw any) (Waiver, error) {
	m, ok := raw.(map[string]any)
	if !ok {
		return Waiver{}, fmt.Errorf("%s: expected a waiver (a mapping with policy or control, resource, reason, approved_by, expires), found %s", doc.Where(pointer), input.Describe(raw))
	}
	w := Waiver{File: doc.File, Line: doc.Pos(pointer).Line}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(fields, k) {
			return Waiver{}, fmt.Errorf("%s: unknown waiver field %q (expected one of %s)", doc.Where(pointer+"/"+k), k, strings.Join(fields, ", "))
		}
		s, ok := m[k].(string)
		if !ok {
			return Waiver{}, fmt.Errorf("%s: waiver field %s: expected a string, found %s", doc.Where(pointer+"/"+k), k, input.Describe(m[k]))
		}
		w.set(k, strings.TrimSpace(s))
	}
	if err := w.Check(); err != nil {
		return Waiver{}, err
	}
	return w, nil
}

// Sort orders waivers by file and line, then by what they match, so a run
// records them in the same order whatever order they were read in.
func Sort(ws []Waiver) {
	slices.SortStableFunc(ws, func(a, b Waiver) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Policy, b.Policy), cmp.Compare(a.Control, b.Control), cmp.Compare(a.Resource, b.Resource),
		)
	})
}
