package tfsource

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/annexa-dev/annexa/providers/redact"
)

// defaultsJSON is the hand-curated table of provider defaults; each entry
// cites the provider documentation it comes from.
//
//go:embed defaults.json
var defaultsJSON []byte

// providerDefault is one entry of defaults.json: what a plan holds for an
// argument the author left out.
type providerDefault struct {
	Provider  string `json:"provider"`
	Resource  string `json:"resource"`
	Attribute string `json:"attribute"`
	// Default is the provider's fixed default, as plan JSON shows it.
	Default any `json:"default"`
	// Computed marks an Optional+Computed argument: the provider decides
	// its value at apply, so a plan has it in after_unknown.
	Computed bool   `json:"computed"`
	Source   string `json:"source"`
	Says     string `json:"says"`
}

// defaultsTable indexes the provider defaults by resource type; it is
// built once from the embedded table and only read afterwards.
type defaultsTable map[string][]providerDefault

// loadDefaults parses a defaults table, checking that every entry names
// its resource, its attribute and its source, and gives either a default
// or the computed mark.
func loadDefaults(data []byte) (defaultsTable, error) {
	var doc struct {
		Defaults []json.RawMessage `json:"defaults"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("provider defaults: %w", err)
	}
	t := defaultsTable{}
	for i, raw := range doc.Defaults {
		var d providerDefault
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber() // numbers are json.Number in facts, as evaluated values are
		if err := dec.Decode(&d); err != nil {
			return nil, fmt.Errorf("provider defaults: entry %d: %w", i, err)
		}
		var fields map[string]json.RawMessage
		_ = json.Unmarshal(raw, &fields)
		_, hasDefault := fields["default"]
		switch {
		case d.Provider == "" || d.Resource == "" || d.Attribute == "" || d.Source == "" || d.Says == "":
			return nil, fmt.Errorf("provider defaults: entry %d (%s.%s) lacks provider, resource, attribute, source or says", i, d.Resource, d.Attribute)
		case hasDefault == d.Computed:
			return nil, fmt.Errorf("provider defaults: entry %d (%s.%s) needs exactly one of default and computed", i, d.Resource, d.Attribute)
		case slices.ContainsFunc(t[d.Resource], func(o providerDefault) bool { return o.Attribute == d.Attribute }):
			return nil, fmt.Errorf("provider defaults: %s.%s appears twice", d.Resource, d.Attribute)
		}
		t[d.Resource] = append(t[d.Resource], d)
	}
	return t, nil
}

// builtinDefaults is the embedded table; a broken table is a build
// defect, caught by the package's tests.
var builtinDefaults = func() defaultsTable {
	t, err := loadDefaults(defaultsJSON)
	if err != nil {
		panic(err)
	}
	return t
}()

// fill gives a managed resource of type typ what a plan would hold for the
// arguments of the table its configuration leaves out or sets to null (to
// Terraform the same thing): the fixed default as its value, or, for an
// Optional+Computed argument, a place in unknown. An attribute "b.a" is
// argument a inside every written block b. A value the author set, known
// or unknown, is never touched. It returns the new unknown list, sorted.
func (t defaultsTable) fill(typ string, attrs map[string]any, unknown []string) []string {
	for _, d := range t[typ] {
		unknown = fillPath(attrs, "", strings.Split(d.Attribute, "."), d, unknown)
	}
	slices.Sort(unknown)
	return slices.Compact(unknown)
}

// fillPath applies d at path inside obj, whose own path is prefix.
func fillPath(obj map[string]any, prefix string, path []string, d providerDefault, unknown []string) []string {
	name := path[0]
	at := redact.Join(prefix, name)
	if slices.Contains(unknown, at) {
		return unknown
	}
	if len(path) > 1 {
		blocks, _ := obj[name].([]any)
		for i, b := range blocks {
			if m, ok := b.(map[string]any); ok {
				unknown = fillPath(m, redact.Join(at, strconv.Itoa(i)), path[1:], d, unknown)
			}
		}
		return unknown
	}
	if obj[name] != nil {
		return unknown
	}
	if d.Computed {
		delete(obj, name)
		return append(unknown, at)
	}
	obj[name] = cloneDefault(d.Default)
	return unknown
}

// cloneDefault copies a default so that facts never share a list.
func cloneDefault(v any) any {
	if l, ok := v.([]any); ok {
		return slices.Clone(l)
	}
	return v
}
