// Package applicability reads an applicability file: for each Annex A
// control, whether it applies to the organisation and why. It is the input
// of the Statement of Applicability (ISO/IEC 27001 6.1.3 d). Each entry
// becomes one fact of kind "applicability".
package applicability

import (
	"context"
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/diag"
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

// Entry is one control's applicability as the file states it; its JSON
// form is the attributes of its fact (kind "applicability").
type Entry struct {
	Control       string `json:"control"`
	Applicable    bool   `json:"applicable"`
	Justification string `json:"justification"`
	// Line is the line of the file that states the entry.
	Line int `json:"-"`
}

// FromFact decodes an applicability fact, which the fact schema has
// checked, into its entry; Line is the fact's.
func FromFact(f *facts.Fact) (Entry, error) {
	var e Entry
	if err := f.DecodeAttributes(&e); err != nil {
		return Entry{}, err
	}
	e.Line = f.Source.Line
	return e, nil
}

// FactKinds is the kinds of fact an applicability file gives (providers.Kinded).
func (Provider) FactKinds() []string { return []string{facts.KindApplicability} }

// Collect implements providers.Provider: the facts of path, or the error that stopped it as a diagnostic.
func (p Provider) Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	fs, err := p.collect(ctx, path)
	return fs, diag.FromError(err, Name)
}

// collect reads the file at path and returns one fact per entry.
func (Provider) collect(ctx context.Context, path string) ([]facts.Fact, error) {
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

// declared describes the applicability file and its checks: every control
// exists and is listed once, and every exclusion has a justification.
func declared() input.Declared[Entry] {
	columns := []string{colControl, colApplicable, colJustification}
	return input.Declared[Entry]{
		What:       "applicability file",
		MaxBytes:   maxFileBytes,
		Schema:     schemaJSON,
		SchemaURL:  "https://annexa.dev/schemas/applicability.json",
		ControlIDs: []string{"/controls/*/control"},
		Required:   columns[:2],
		Allowed:    columns,
		FromYAML:   fromYAML,
		FromCSV:    fromCSV,
		Name:       func(e *Entry) (string, int) { return "control " + e.Control, e.Line },
		Check:      check,
	}
}

// Read parses and checks an applicability file: every control exists and
// is listed once, and every exclusion has a justification. Errors name the
// file and line.
func Read(path string) ([]Entry, error) {
	return declared().Read(path)
}

func check(e *Entry, cat *catalog.Catalog) error {
	if err := cat.CheckID(e.Control); err != nil {
		return err
	}
	if !e.Applicable && e.Justification == "" {
		return fmt.Errorf("control %s is excluded without a justification; say why it does not apply (ISO/IEC 27001 6.1.3 d)", e.Control)
	}
	return nil
}

// fromYAML reads the entries of a document the schema has checked.
func fromYAML(doc *input.Document) ([]Entry, error) {
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

// fromCSV reads the entries of a table.
func fromCSV(t *input.Table) ([]Entry, error) {
	out := make([]Entry, 0, len(t.Rows))
	for _, row := range t.Rows {
		applicable, err := parseBool(row.Get(colApplicable))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: applicable: %w", t.File, row.Line, err)
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
