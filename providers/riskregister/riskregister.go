// Package riskregister reads a risk register: each information security
// risk with its asset, threat and vulnerability, inherent likelihood and
// impact, the Annex A controls that mitigate it (each with the design
// strength of the link where the register states one), its treatment,
// owner and the owner's acceptance of what remains. Each risk becomes a
// fact of kind "risk"; the appetite, method and risk model the run applies
// become one fact of kind "risk_settings", so a replay of the run computes
// the same residual risk.
package riskregister

import (
	"context"
	_ "embed"
	"fmt"
	"math"
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
// they are the JSON object {"appetite", "method", "model"}.
type Settings struct {
	// Appetite is the highest residual score (1 to 25) the organisation
	// accepts without an explicit acceptance; 0 means
	// catalog.DefaultAppetite.
	Appetite int `json:"appetite"`
	// Method is one of catalog.Methods; "" means catalog.MethodScore.
	Method string `json:"method"`
	// Model is the version of the residual risk model (catalog.RiskModel)
	// the run computes with; 0 means catalog.RiskModel. It is not a
	// choice: it records which rules made a residual score.
	Model int `json:"model"`
	// File and Line say where the settings were made (the project file),
	// "" for defaults or flags.
	File string `json:"-"`
	Line int    `json:"-"`
}

// DefaultSettings are the settings of a run that sets none.
func DefaultSettings() Settings {
	return Settings{Appetite: catalog.DefaultAppetite, Method: catalog.MethodScore, Model: catalog.RiskModel}
}

// Check reports settings out of range.
func (s Settings) Check() error {
	if s.Appetite != 0 && (s.Appetite < catalog.MinScore || s.Appetite > catalog.MaxScore) {
		return fmt.Errorf("risk appetite %d is outside the scores %d to %d", s.Appetite, catalog.MinScore, catalog.MaxScore)
	}
	if s.Method != "" && !slices.Contains(catalog.Methods(), s.Method) {
		return fmt.Errorf("risk method %q is not one of %s", s.Method, strings.Join(catalog.Methods(), ", "))
	}
	if s.Model != 0 && s.Model != catalog.RiskModel {
		return fmt.Errorf("risk model %d is not the one this annexa computes residual risk with (model %d, docs/risk.md)", s.Model, catalog.RiskModel)
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
	Controls      []Link      `json:"controls"`
	Treatment     string      `json:"treatment"`
	Owner         string      `json:"owner"`
	Acceptance    *Acceptance `json:"acceptance,omitempty"`
	// Line is the line of the register that states the risk.
	Line int `json:"-"`
}

// Link is one mitigating control of a risk.
type Link struct {
	ID string `json:"id"`
	// Strength is the design strength the register states for the link:
	// the share of the risk the control removes when it works fully, more
	// than 0 and at most 1, in at most three decimals. 0 means the register
	// states none and the default of the control's type applies
	// (catalog.DefaultStrength).
	Strength float64 `json:"strength,omitempty"`
}

// Acceptance is a risk owner's acceptance of the residual risk.
type Acceptance struct {
	By   string    `json:"by"`
	Date time.Time `json:"date"`
	// Expiry is zero when the acceptance does not expire.
	Expiry time.Time `json:"expiry,omitzero"`
}

// FactKinds is the kinds of fact a risk register gives (providers.Kinded).
func (Provider) FactKinds() []string { return []string{facts.KindRisk, facts.KindRiskSettings} }

// Collect implements providers.Provider: the facts of path with warnings
// about the register, or the error that stopped it as a diagnostic.
func (p Provider) Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	fs, risks, err := p.collect(ctx, path)
	if err != nil {
		return nil, diag.FromError(err, Name)
	}
	return fs, Warnings(path, risks)
}

// collect reads the register at path: one fact per risk and one for the
// settings.
func (p Provider) collect(ctx context.Context, path string) ([]facts.Fact, []Risk, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if err := p.Settings.Check(); err != nil {
		return nil, nil, err
	}
	risks, err := Read(path)
	if err != nil {
		return nil, nil, err
	}
	s := p.Settings
	if s.Appetite == 0 {
		s.Appetite = catalog.DefaultAppetite
	}
	if s.Method == "" {
		s.Method = catalog.MethodScore
	}
	s.Model = catalog.RiskModel
	settingsFile := s.File
	if settingsFile == "" {
		settingsFile = path
	}
	out := []facts.Fact{{
		Kind:       facts.KindRiskSettings,
		Source:     facts.Source{Provider: Name, File: settingsFile, Line: s.Line},
		ID:         facts.KindRiskSettings,
		Attributes: map[string]any{"appetite": int64(s.Appetite), "method": s.Method, "model": int64(s.Model)},
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
	return out, risks, nil
}

// Warnings are the diagnostics of a register that is read but suspect: one
// that states no design strength at all, as registers written before
// design strengths did, so that every link takes its control type's
// default; and each link that states a strength of 1, which says the
// control alone removes the risk when it works.
func Warnings(path string, risks []Risk) diag.Diagnostics {
	var ds diag.Diagnostics
	stated, firstLine := false, 0
	for _, r := range risks {
		for _, c := range r.Controls {
			if c.Strength != 0 {
				stated = true
			}
			if firstLine == 0 {
				firstLine = r.Line
			}
			if c.Strength == 1 {
				ds = append(ds, diag.Diagnostic{
					Severity: diag.Warning, Source: Name, File: path, Line: r.Line,
					Summary: fmt.Sprintf("risk %s: control %s has design strength 1, so it removes the risk on its own when it works", r.ID, c.ID),
					Detail:  "A strength of 1 claims the control leaves nothing of the risk; state the share it removes (docs/risk.md, \"Design strength\").",
				})
			}
		}
	}
	if !stated && firstLine > 0 {
		ds = append(ds, diag.Diagnostic{
			Severity: diag.Warning, Source: Name, File: path, Line: firstLine,
			Summary: "the risk register states no design strength for any control: each counts with the default of its control type",
			Detail: fmt.Sprintf("Residual risk scales each control's operating effectiveness by the design strength of its link to the risk "+
				"(risk model %d, docs/risk.md): preventive %s, detective %s, corrective %s unless the register states one. "+
				"State the strength where the default does not fit: controls: [{id: \"8.24\", strength: 0.7}], or 8.24:0.7 in a CSV register.",
				catalog.RiskModel, thousandths(catalog.StrengthPreventive), thousandths(catalog.StrengthDetective), thousandths(catalog.StrengthCorrective)),
		})
	}
	return ds
}

// thousandths formats a value in thousandths as a decimal: 600 is 0.6.
func thousandths(m int) string {
	return strconv.FormatFloat(float64(m)/1000, 'f', -1, 64)
}

// Attributes returns the risk as a fact's attributes: JSON-compatible
// values, whole numbers as int64, times in RFC 3339 to the second.
func (r Risk) Attributes() map[string]any {
	controls := make([]any, len(r.Controls))
	for i, c := range r.Controls {
		link := map[string]any{"id": c.ID}
		if c.Strength != 0 {
			link["strength"] = c.Strength
		}
		controls[i] = link
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
	slices.SortFunc(r.Controls, compareLinks)
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
// controls column holds ids separated by spaces, commas or semicolons,
// each with its design strength after a colon where stated (8.24:0.7).
func declared() input.Declared[Risk] {
	required := []string{"id", "asset", "threat", "likelihood", "impact", "controls", "treatment", "owner"}
	return input.Declared[Risk]{
		What:       "risk register",
		MaxBytes:   maxFileBytes,
		Schema:     schemaJSON,
		SchemaURL:  "https://annexa.dev/schemas/risk-register.json",
		ControlIDs: []string{"/risks/*/controls/*", "/risks/*/controls/*/id"},
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
		if err := cat.CheckID(c.ID); err != nil {
			return fmt.Errorf("risk %s: %w", r.ID, err)
		}
		if named[c.ID] {
			return fmt.Errorf("risk %s names control %s twice", r.ID, c.ID)
		}
		named[c.ID] = true
	}
	slices.SortFunc(r.Controls, compareLinks)
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
		r.Controls = make([]Link, 0, len(ctls))
		for j, c := range ctls {
			switch c := c.(type) {
			case string:
				r.Controls = append(r.Controls, Link{ID: c})
			case map[string]any:
				link := Link{ID: c["id"].(string)}
				if v, ok := c["strength"]; ok {
					at := fmt.Sprintf("%s/controls/%d/strength", pointer, j)
					if link.Strength, err = strength(toFloat(v)); err != nil {
						return nil, fmt.Errorf("%s: control %s: %w", doc.Where(at), link.ID, err)
					}
				}
				r.Controls = append(r.Controls, link)
			}
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
		r.Controls = []Link{}
		for _, c := range controlSeparators.Split(row.Get("controls"), -1) {
			if c == "" {
				continue
			}
			id, s, hasStrength := strings.Cut(c, ":")
			link := Link{ID: id}
			if hasStrength {
				f, perr := strconv.ParseFloat(s, 64)
				if perr != nil {
					return nil, at("controls", fmt.Errorf("%q: the design strength after the colon is not a number", c))
				}
				if link.Strength, err = strength(f); err != nil {
					return nil, at("controls", fmt.Errorf("%q: %w", c, err))
				}
			}
			r.Controls = append(r.Controls, link)
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

// strength checks a design strength: more than 0, at most 1, in at most
// three decimals, since residual risk is computed in thousandths.
func strength(f float64) (float64, error) {
	if math.IsNaN(f) || f <= 0 || f > 1 {
		return 0, fmt.Errorf("design strength %v is not more than 0 and at most 1", f)
	}
	if m := f * 1000; math.Abs(m-math.Round(m)) > 1e-9 {
		return 0, fmt.Errorf("design strength %v has more than three decimals", f)
	}
	return math.Round(f*1000) / 1000, nil
}

// toFloat reads a number the schema has checked.
func toFloat(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return math.NaN()
}

// compareLinks orders a risk's controls by id, in catalog order.
func compareLinks(a, b Link) int { return catalog.CompareIDs(a.ID, b.ID) }

func scale(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < catalog.MinLevel || n > catalog.MaxLevel {
		return 0, fmt.Errorf("%q is not a whole number from %d to %d", s, catalog.MinLevel, catalog.MaxLevel)
	}
	return n, nil
}
