// Package applicability reads an applicability file: for each Annex A
// control, whether it applies to the organisation and why. It is the input
// of the Statement of Applicability (ISO/IEC 27001 6.1.3 d). Each entry
// becomes one fact of kind "applicability".
package applicability

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
)

// Name is the provider name recorded in each fact's source.
const Name = "applicability"

// maxFileBytes bounds an applicability file; 93 entries with a paragraph of
// justification each are well under 100 KiB.
const maxFileBytes = 4 << 20

//go:embed schema.json
var schemaJSON []byte

// CSV columns.
const (
	colControl       = "control"
	colApplicable    = "applicable"
	colJustification = "justification"
)

// Provider reads one applicability file, YAML (or JSON) or CSV by its
// extension.
type Provider struct{}

// Entry is one control's applicability as the file states it.
type Entry struct {
	Control       string
	Applicable    bool
	Justification string
	Line          int
}

// Collect reads the file at path and returns one fact per entry.
func (Provider) Collect(ctx context.Context, path string) ([]facts.Fact, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	entries, err := Read(path)
	if err != nil {
		return nil, err
	}
	out := make([]facts.Fact, 0, len(entries))
	for _, e := range entries {
		out = append(out, facts.Fact{
			Kind:   facts.KindApplicability,
			Source: facts.Source{Provider: Name, File: path, Line: e.Line},
			ID:     facts.KindApplicability + "/" + e.Control,
			Attributes: map[string]any{
				"control":       e.Control,
				"applicable":    e.Applicable,
				"justification": e.Justification,
			},
		})
	}
	facts.Sort(out)
	return out, nil
}

// Read parses and checks an applicability file: every control exists and
// is listed once, and every exclusion has a justification. Errors name the
// file and line.
func Read(path string) ([]Entry, error) {
	data, err := input.ReadFile(path, maxFileBytes)
	if err != nil {
		return nil, err
	}
	var entries []Entry
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		entries, err = readCSV(path, data)
	} else {
		entries, err = readYAML(path, data)
	}
	if err != nil {
		return nil, err
	}
	cat, err := catalog.Builtin()
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	for _, e := range entries {
		if err := cat.CheckID(e.Control); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, e.Line, err)
		}
		if first, dup := seen[e.Control]; dup {
			return nil, fmt.Errorf("%s:%d: control %s is listed twice (first on line %d)", path, e.Line, e.Control, first)
		}
		seen[e.Control] = e.Line
		if !e.Applicable && e.Justification == "" {
			return nil, fmt.Errorf("%s:%d: control %s is excluded without a justification; say why it does not apply (ISO/IEC 27001 6.1.3 d)", path, e.Line, e.Control)
		}
	}
	return entries, nil
}

func readYAML(path string, data []byte) ([]Entry, error) {
	docs, err := input.DecodeYAML(path, data, input.DecodeLimits{})
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("%s: an applicability file holds one YAML document, found %d", path, len(docs))
	}
	doc := &docs[0]
	// A control id written without quotes is a number to YAML, and 5.10
	// would silently become 5.1; say so before the schema says "string".
	if top, ok := doc.Value.(map[string]any); ok {
		if list, ok := top["controls"].([]any); ok {
			for i, item := range list {
				m, _ := item.(map[string]any)
				switch v := m["control"].(type) {
				case float64, int64:
					return nil, fmt.Errorf("%s: control %v is a number; write control ids in quotes (\"5.10\"), since YAML reads 5.10 as the number 5.1", doc.Where(fmt.Sprintf("/controls/%d/control", i)), v)
				}
			}
		}
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	const url = "https://annexa.dev/schemas/applicability.json"
	if err := c.AddResource(url, bytes.NewReader(schemaJSON)); err != nil {
		return nil, fmt.Errorf("applicability schema: %w", err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("applicability schema: %w", err)
	}
	if err := doc.Validate(schema, "", "applicability file"); err != nil {
		return nil, err
	}
	list := doc.Value.(map[string]any)["controls"].([]any)
	out := make([]Entry, 0, len(list))
	for i, item := range list {
		m := item.(map[string]any)
		e := Entry{
			Control:    m["control"].(string),
			Applicable: m["applicable"].(bool),
			Line:       doc.Pos(fmt.Sprintf("/controls/%d", i)).Line,
		}
		e.Justification, _ = m["justification"].(string)
		e.Justification = strings.TrimSpace(e.Justification)
		out = append(out, e)
	}
	return out, nil
}

func readCSV(path string, data []byte) ([]Entry, error) {
	all := []string{colControl, colApplicable, colJustification}
	t, err := input.DecodeCSV(path, data, all[:2], all)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(t.Rows))
	for _, row := range t.Rows {
		applicable, err := parseBool(row.Get(colApplicable))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: applicable: %w", path, row.Line, err)
		}
		out = append(out, Entry{
			Control:       row.Get(colControl),
			Applicable:    applicable,
			Justification: row.Get(colJustification),
			Line:          row.Line,
		})
	}
	return out, nil
}

// parseBool reads the yes/no values a spreadsheet holds: yes, no, true,
// false, y, n, 1, 0, in any case.
func parseBool(s string) (bool, error) {
	switch v := strings.ToLower(strings.TrimSpace(s)); {
	case slices.Contains([]string{"yes", "y", "true", "1"}, v):
		return true, nil
	case slices.Contains([]string{"no", "n", "false", "0"}, v):
		return false, nil
	}
	return false, fmt.Errorf("%q is not yes or no", s)
}
