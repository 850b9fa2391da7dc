// Package riskregister reads a risk register: each information security
// risk with its asset, threat and vulnerability, inherent likelihood and
// impact, the Annex A controls that mitigate it, its treatment, owner and
// the owner's acceptance of what remains. Each risk becomes a fact of kind
// "risk"; the appetite and method the run applies become one fact of kind
// "risk_settings", so a replay of the run computes the same residual risk.
package riskregister

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/diag"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/annexa-dev/annexa/policies"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
)

// Name is the provider name recorded in each fact's source.
const Name = "risk-register"

// Residual risk methods (see docs/risk.md).
const (
	// MethodScore reduces the inherent score by the combined effectiveness
	// of a risk's controls.
	MethodScore = "score"
	// MethodSplit reduces likelihood by the preventive and detective
	// controls and impact by the corrective ones.
	MethodSplit = "split"
)

// Methods lists the residual risk methods.
func Methods() []string { return []string{MethodScore, MethodSplit} }

// DefaultAppetite is the highest residual score accepted without an
// explicit acceptance when nothing else is configured: the top of the low
// band.
const DefaultAppetite = 6

// Treatments lists the risk treatment options of ISO/IEC 27005.
func Treatments() []string { return []string{"modify", "retain", "avoid", "share"} }

// maxFileBytes bounds a register file.
const maxFileBytes = 16 << 20

//go:embed schema.json
var schemaJSON []byte

// Settings are how a run turns the register into residual risk.
type Settings struct {
	// Appetite is the highest residual score (1 to 25) the organisation
	// accepts without an explicit acceptance; 0 means DefaultAppetite.
	Appetite int
	// Method is MethodScore or MethodSplit; "" means MethodScore.
	Method string
	// File and Line say where the settings were made (the project file),
	// "" for defaults or flags.
	File string
	Line int
}

// Check reports settings out of range.
func (s Settings) Check() error {
	if s.Appetite != 0 && (s.Appetite < 1 || s.Appetite > 25) {
		return fmt.Errorf("risk appetite %d is outside the scores 1 to 25", s.Appetite)
	}
	if s.Method != "" && !slices.Contains(Methods(), s.Method) {
		return fmt.Errorf("risk method %q is not one of %s", s.Method, strings.Join(Methods(), ", "))
	}
	return nil
}

// Provider reads one risk register, YAML (or JSON) or CSV by its extension.
type Provider struct {
	Settings Settings
}

// Risk is one entry of the register.
type Risk struct {
	ID            string
	Asset         string
	Threat        string
	Vulnerability string
	Likelihood    int
	Impact        int
	Controls      []string
	Treatment     string
	Owner         string
	Acceptance    *Acceptance
	Line          int
}

// Acceptance is a risk owner's acceptance of the residual risk.
type Acceptance struct {
	By     string
	Date   time.Time
	Expiry time.Time // zero when the acceptance does not expire
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
		s.Appetite = DefaultAppetite
	}
	if s.Method == "" {
		s.Method = MethodScore
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
		out = append(out, facts.Fact{
			Kind:       facts.KindRisk,
			Source:     facts.Source{Provider: Name, File: path, Line: r.Line},
			ID:         facts.KindRisk + "/" + r.ID,
			Attributes: attrs,
		})
	}
	facts.Sort(out)
	return out, nil
}

// Read parses and checks a risk register: ids are unique, likelihood and
// impact are 1 to 5, every control exists, the treatment is one of
// Treatments, and an acceptance has who and when and ends after it starts.
// Errors name the file and line.
func Read(path string) ([]Risk, error) {
	data, err := input.ReadFile(path, maxFileBytes)
	if err != nil {
		return nil, err
	}
	var risks []Risk
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		risks, err = readCSV(path, data)
	} else {
		risks, err = readYAML(path, data)
	}
	if err != nil {
		return nil, err
	}
	ids, err := policies.ControlIDs()
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	for i := range risks {
		r := &risks[i]
		if first, dup := seen[r.ID]; dup {
			return nil, fmt.Errorf("%s:%d: risk %s is listed twice (first on line %d)", path, r.Line, r.ID, first)
		}
		seen[r.ID] = r.Line
		named := map[string]bool{}
		for _, c := range r.Controls {
			if !ids[c] {
				return nil, fmt.Errorf("%s:%d: risk %s: %q is not an ISO/IEC 27002:2022 control (5.1-5.37, 6.1-6.8, 7.1-7.14, 8.1-8.34)", path, r.Line, r.ID, c)
			}
			if named[c] {
				return nil, fmt.Errorf("%s:%d: risk %s names control %s twice", path, r.Line, r.ID, c)
			}
			named[c] = true
		}
		slices.SortFunc(r.Controls, compareControlIDs)
		if a := r.Acceptance; a != nil && !a.Expiry.IsZero() && !a.Expiry.After(a.Date) {
			return nil, fmt.Errorf("%s:%d: risk %s: the acceptance expires (%s) before it was given (%s)", path, r.Line, r.ID, a.Expiry.Format(time.DateOnly), a.Date.Format(time.DateOnly))
		}
	}
	return risks, nil
}

func readYAML(path string, data []byte) ([]Risk, error) {
	docs, err := input.DecodeYAML(path, data, input.DecodeLimits{})
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("%s: a risk register holds one YAML document, found %d", path, len(docs))
	}
	doc := &docs[0]
	if top, ok := doc.Value.(map[string]any); ok {
		list, _ := top["risks"].([]any)
		for i, item := range list {
			m, _ := item.(map[string]any)
			ctls, _ := m["controls"].([]any)
			for j, c := range ctls {
				switch v := c.(type) {
				case float64, int64:
					return nil, fmt.Errorf("%s: control %v is a number; write control ids in quotes (\"5.10\"), since YAML reads 5.10 as the number 5.1", doc.Where(fmt.Sprintf("/risks/%d/controls/%d", i, j)), v)
				}
			}
		}
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	const url = "https://annexa.dev/schemas/risk-register.json"
	if err := c.AddResource(url, bytes.NewReader(schemaJSON)); err != nil {
		return nil, fmt.Errorf("risk register schema: %w", err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("risk register schema: %w", err)
	}
	if err := doc.Validate(schema, "", "risk register"); err != nil {
		return nil, err
	}
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
			if a.Date, err = parseDate(acc["date"].(string)); err != nil {
				return nil, fmt.Errorf("%s: acceptance date: %w", doc.Where(pointer+"/acceptance/date"), err)
			}
			if s, ok := acc["expiry"].(string); ok {
				if a.Expiry, err = parseDate(s); err != nil {
					return nil, fmt.Errorf("%s: acceptance expiry: %w", doc.Where(pointer+"/acceptance/expiry"), err)
				}
			}
			r.Acceptance = a
		}
		out = append(out, r)
	}
	return out, nil
}

// CSV columns; controls holds ids separated by spaces, commas or
// semicolons.
var (
	csvRequired = []string{"id", "asset", "threat", "likelihood", "impact", "controls", "treatment", "owner"}
	csvAllowed  = append(slices.Clone(csvRequired), "vulnerability", "acceptance_by", "acceptance_date", "acceptance_expiry", "notes")
)

var controlSeparators = regexp.MustCompile(`[\s,;]+`)

func readCSV(path string, data []byte) ([]Risk, error) {
	t, err := input.DecodeCSV(path, data, csvRequired, csvAllowed)
	if err != nil {
		return nil, err
	}
	out := make([]Risk, 0, len(t.Rows))
	for _, row := range t.Rows {
		at := func(col string, err error) error {
			return fmt.Errorf("%s:%d: %s: %w", path, row.Line, col, err)
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
		if !slices.Contains(Treatments(), r.Treatment) {
			return nil, at("treatment", fmt.Errorf("%q is not one of %s", r.Treatment, strings.Join(Treatments(), ", ")))
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
			if a.Date, err = parseDate(date); err != nil {
				return nil, at("acceptance_date", err)
			}
			if expiry != "" {
				if a.Expiry, err = parseDate(expiry); err != nil {
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
	if err != nil || n < 1 || n > 5 {
		return 0, fmt.Errorf("%q is not a whole number from 1 to 5", s)
	}
	return n, nil
}

// parseDate reads a date (midnight UTC) or an RFC 3339 time.
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (2026-01-31) or an RFC 3339 time", s)
}

// compareControlIDs orders dotted control ids numerically (5.2 before 5.10).
func compareControlIDs(a, b string) int {
	as, bs := strings.SplitN(a, ".", 2), strings.SplitN(b, ".", 2)
	for i := range min(len(as), len(bs)) {
		x, errA := strconv.Atoi(as[i])
		y, errB := strconv.Atoi(bs[i])
		if errA != nil || errB != nil {
			return strings.Compare(a, b)
		}
		if x != y {
			return x - y
		}
	}
	return len(as) - len(bs)
}
