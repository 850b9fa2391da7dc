// Package riskregister reads a risk register: each information security
// risk with its asset, threat and vulnerability, inherent likelihood and
// impact, the Annex A controls that mitigate it, its treatment, owner and
// the owner's acceptance of what remains. Each risk becomes a fact of kind
// "risk"; the appetite and method the run applies become one fact of kind
// "risk_settings", so a replay of the run computes the same residual risk.
package riskregister

import (
	"context"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
)

// Name is the provider name recorded in each fact's source.
const Name = "risk-register"

// maxFileBytes bounds a register file.
const maxFileBytes = 16 << 20

//go:embed schema.json
var schemaJSON []byte

// Settings are how a run turns the register into residual risk. As a
// fact's attributes (kind "risk_settings") and in the engine's risk report
// they are the JSON object {"appetite", "method"}.
type Settings struct {
	// Appetite is the highest residual score (1 to 25) the organisation
	// accepts without an explicit acceptance; 0 means
	// catalog.DefaultAppetite.
	Appetite int `json:"appetite"`
	// Method is one of catalog.Methods; "" means catalog.MethodScore.
	Method string `json:"method"`
	// File and Line say where the settings were made (the project file),
	// "" for defaults or flags.
	File string `json:"-"`
	Line int    `json:"-"`
}

// DefaultSettings are the settings of a run that sets none.
func DefaultSettings() Settings {
	return Settings{Appetite: catalog.DefaultAppetite, Method: catalog.MethodScore}
}

// Check reports settings out of range.
func (s Settings) Check() error {
	if s.Appetite != 0 && (s.Appetite < catalog.MinScore || s.Appetite > catalog.MaxScore) {
		return fmt.Errorf("risk appetite %d is outside the scores %d to %d", s.Appetite, catalog.MinScore, catalog.MaxScore)
	}
	if s.Method != "" && !slices.Contains(catalog.Methods(), s.Method) {
		return fmt.Errorf("risk method %q is not one of %s", s.Method, strings.Join(catalog.Methods(), ", "))
	}
	return nil
}

// Provider reads one risk register, YAML (or JSON) or CSV by its extension.
type Provider struct {
	Settings Settings
}

// Risk is one entry of the register: read from the file, carried as a
// fact of kind "risk" (whose attributes are its JSON form) and assessed by
// the engine.
type Risk struct {
	ID            string      `json:"id"`
	Asset         string      `json:"asset"`
	Threat        string      `json:"threat"`
	Vulnerability string      `json:"vulnerability,omitempty"`
	Likelihood    int         `json:"likelihood"`
	Impact        int         `json:"impact"`
	Controls      []string    `json:"controls"`
	Treatment     string      `json:"treatment"`
	Owner         string      `json:"owner"`
	Acceptance    *Acceptance `json:"acceptance,omitempty"`
	// Line is the line of the register that states the risk.
	Line int `json:"-"`
}

// Acceptance is a risk owner's acceptance of the residual risk.
type Acceptance struct {
	By   string    `json:"by"`
	Date time.Time `json:"date"`
	// Expiry is zero when the acceptance does not expire.
	Expiry time.Time `json:"expiry,omitzero"`
}

// Collect implements providers.Provider: the facts of path, or the error that stopped it as a diagnostic.
func (p Provider) Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	fs, err := p.collect(ctx, path)
	return fs, diag.FromError(err, Name)
}

// collect reads the register at path: one fact per risk and one for the
// settings.
func (p Provider) collect(ctx context.Context, path string) ([]facts.Fact, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := p.Settings.Check(); err != nil {
		return nil, err
	}
	risks, err := Read(path)
	if err != nil {
		return nil, err
	}
	s := p.Settings
	if s.Appetite == 0 {
		s.Appetite = catalog.DefaultAppetite
	}
	if s.Method == "" {
		s.Method = catalog.MethodScore
	}
	settingsFile := s.File
	if settingsFile == "" {
		settingsFile = path
	}
	out := []facts.Fact{{
		Kind:       facts.KindRiskSettings,
		Source:     facts.Source{Provider: Name, File: settingsFile, Line: s.Line},
		ID:         facts.KindRiskSettings,
		Attributes: map[string]any{"appetite": int64(s.Appetite), "method": s.Method},
	}}
	for _, r := range risks {
		out = append(out, facts.Fact{
			Kind:       facts.KindRisk,
			Source:     facts.Source{Provider: Name, File: path, Line: r.Line},
			ID:         facts.KindRisk + "/" + r.ID,
			Attributes: r.Attributes(),
		})
	}
	facts.Sort(out)
	return out, nil
}

// Attributes returns the risk as a fact's attributes: JSON-compatible
// values, whole numbers as int64, times in RFC 3339 to the second.
func (r Risk) Attributes() map[string]any {
	controls := make([]any, len(r.Controls))
	for i, c := range r.Controls {
		controls[i] = c
	}
	attrs := map[string]any{
		"id":         r.ID,
		"asset":      r.Asset,
		"threat":     r.Threat,
		"likelihood": int64(r.Likelihood),
		"impact":     int64(r.Impact),
		"controls":   controls,
		"treatment":  r.Treatment,
		"owner":      r.Owner,
	}
	if r.Vulnerability != "" {
		attrs["vulnerability"] = r.Vulnerability
	}
	if a := r.Acceptance; a != nil {
		acc := map[string]any{"by": a.By, "date": a.Date.Format(time.RFC3339)}
		if !a.Expiry.IsZero() {
			acc["expiry"] = a.Expiry.Format(time.RFC3339)
		}
		attrs["acceptance"] = acc
	}
	return attrs
}

// FromFact decodes a risk fact, which the fact schema has checked, into
// the risk it records, its controls in catalog order and Line the fact's.
func FromFact(f *facts.Fact) (Risk, error) {
	var r Risk
	if err := f.DecodeAttributes(&r); err != nil {
		return Risk{}, err
	}
	slices.SortFunc(r.Controls, catalog.CompareIDs)
	r.Line = f.Source.Line
	return r, nil
}

// SettingsFromFact decodes a risk_settings fact, which the fact schema has
// checked; File and Line are the fact's.
func SettingsFromFact(f *facts.Fact) (Settings, error) {
	var s Settings
	if err := f.DecodeAttributes(&s); err != nil {
		return Settings{}, err
	}
	s.File, s.Line = f.Source.File, f.Source.Line
	return s, nil
}

// Read parses and checks a risk register: ids are unique, likelihood and
// impact are 1 to 5, every control exists, the treatment is one of
// catalog.Treatments, and an acceptance has who and when and ends after
// it starts. Errors name the file and line.
func Read(path string) ([]Risk, error) {
	return declared().Read(path)
}

// declared describes the risk register and its checks. The CSV form's
// controls column holds ids separated by spaces, commas or semicolons.
func declared() input.Declared[Risk] {
	required := []string{"id", "asset", "threat", "likelihood", "impact", "controls", "treatment", "owner"}
	return input.Declared[Risk]{
		What:       "risk register",
		MaxBytes:   maxFileBytes,
		Schema:     schemaJSON,
		SchemaURL:  "https://annexa.dev/schemas/risk-register.json",
		ControlIDs: []string{"/risks/*/controls/*"},
		Required:   required,
		Allowed:    append(slices.Clone(required), "vulnerability", "acceptance_by", "acceptance_date", "acceptance_expiry", "notes"),
		FromYAML:   fromYAML,
		FromCSV:    fromCSV,
		Name:       func(r *Risk) (string, int) { return "risk " + r.ID, r.Line },
		Check:      check,
	}
}

// check checks a risk's controls against the catalog, sorts them, and
// checks that an acceptance ends after it starts.
func check(r *Risk, cat *catalog.Catalog) error {
	named := map[string]bool{}
	for _, c := range r.Controls {
		if err := cat.CheckID(c); err != nil {
			return fmt.Errorf("risk %s: %w", r.ID, err)
		}
		if named[c] {
			return fmt.Errorf("risk %s names control %s twice", r.ID, c)
		}
		named[c] = true
	}
	slices.SortFunc(r.Controls, catalog.CompareIDs)
	if a := r.Acceptance; a != nil && !a.Expiry.IsZero() && !a.Expiry.After(a.Date) {
		return fmt.Errorf("risk %s: the acceptance expires (%s) before it was given (%s)", r.ID, a.Expiry.Format(time.DateOnly), a.Date.Format(time.DateOnly))
	}
	return nil
}

// fromYAML reads the risks of a document the schema has checked.
func fromYAML(doc *input.Document) ([]Risk, error) {
	var err error
	list := doc.Value.(map[string]any)["risks"].([]any)
	out := make([]Risk, 0, len(list))
	for i, item := range list {
		m := item.(map[string]any)
		pointer := fmt.Sprintf("/risks/%d", i)
		r := Risk{
			ID:         m["id"].(string),
			Asset:      m["asset"].(string),
			Threat:     m["threat"].(string),
			Likelihood: wholeNumber(m["likelihood"]),
			Impact:     wholeNumber(m["impact"]),
			Treatment:  m["treatment"].(string),
			Owner:      m["owner"].(string),
			Line:       doc.Pos(pointer).Line,
		}
		r.Vulnerability, _ = m["vulnerability"].(string)
		ctls, _ := m["controls"].([]any)
		r.Controls = make([]string, 0, len(ctls))
		for _, c := range ctls {
			r.Controls = append(r.Controls, c.(string))
		}
		if acc, ok := m["acceptance"].(map[string]any); ok {
			a := &Acceptance{By: acc["by"].(string)}
			if a.Date, err = catalog.ParseDate(acc["date"].(string)); err != nil {
				return nil, fmt.Errorf("%s: acceptance date: %w", doc.Where(pointer+"/acceptance/date"), err)
			}
			if s, ok := acc["expiry"].(string); ok {
				if a.Expiry, err = catalog.ParseDate(s); err != nil {
					return nil, fmt.Errorf("%s: acceptance expiry: %w", doc.Where(pointer+"/acceptance/expiry"), err)
				}
			}
			r.Acceptance = a
		}
		out = append(out, r)
	}
	return out, nil
}

// controlSeparators split the controls column of the CSV form.
var controlSeparators = regexp.MustCompile(`[\s,;]+`)

// fromCSV reads the risks of a table.
func fromCSV(t *input.Table) ([]Risk, error) {
	var err error
	out := make([]Risk, 0, len(t.Rows))
	for _, row := range t.Rows {
		at := func(col string, err error) error {
			return fmt.Errorf("%s:%d: %s: %w", t.File, row.Line, col, err)
		}
		r := Risk{
			ID:            row.Get("id"),
			Asset:         row.Get("asset"),
			Threat:        row.Get("threat"),
			Vulnerability: row.Get("vulnerability"),
			Treatment:     row.Get("treatment"),
			Owner:         row.Get("owner"),
			Line:          row.Line,
		}
		for _, col := range []string{"id", "asset", "threat", "owner"} {
			if row.Get(col) == "" {
				return nil, at(col, fmt.Errorf("is empty"))
			}
		}
		if !slices.Contains(catalog.Treatments(), r.Treatment) {
			return nil, at("treatment", fmt.Errorf("%q is not one of %s", r.Treatment, strings.Join(catalog.Treatments(), ", ")))
		}
		if r.Likelihood, err = scale(row.Get("likelihood")); err != nil {
			return nil, at("likelihood", err)
		}
		if r.Impact, err = scale(row.Get("impact")); err != nil {
			return nil, at("impact", err)
		}
		r.Controls = []string{}
		for _, c := range controlSeparators.Split(row.Get("controls"), -1) {
			if c != "" {
				r.Controls = append(r.Controls, c)
			}
		}
		by, date, expiry := row.Get("acceptance_by"), row.Get("acceptance_date"), row.Get("acceptance_expiry")
		switch {
		case by == "" && date == "" && expiry == "":
		case by == "" || date == "":
			return nil, at("acceptance", fmt.Errorf("an acceptance needs acceptance_by and acceptance_date"))
		default:
			a := &Acceptance{By: by}
			if a.Date, err = catalog.ParseDate(date); err != nil {
				return nil, at("acceptance_date", err)
			}
			if expiry != "" {
				if a.Expiry, err = catalog.ParseDate(expiry); err != nil {
					return nil, at("acceptance_expiry", err)
				}
			}
			r.Acceptance = a
		}
		out = append(out, r)
	}
	return out, nil
}

// wholeNumber reads a number the schema has checked is a whole number from
// 1 to 5; YAML gives 4 as an int64 and 4.0 as a float64.
func wholeNumber(v any) int {
	switch x := v.(type) {
	case int64:
		return int(x)
	case float64:
		return int(x)
	}
	return 0
}

func scale(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < catalog.MinLevel || n > catalog.MaxLevel {
		return 0, fmt.Errorf("%q is not a whole number from %d to %d", s, catalog.MinLevel, catalog.MaxLevel)
	}
	return n, nil
}
