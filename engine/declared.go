package engine

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/facts"
)

// declarations are what the organisation declared about its ISMS beyond
// evidence records: the applicability of each control, the risk register
// and how residual risk is computed. They arrive as facts, so a recorded
// run replays with them.
type declarations struct {
	// applicability holds the stated entries by control id.
	applicability map[string]applicabilityEntry
	// applicabilityFiles are the files the entries came from, sorted.
	applicabilityFiles []string
	risks              []riskEntry
	registerFiles      []string
	settings           RiskSettings
}

type applicabilityEntry struct {
	applicable    bool
	justification string
	source        string
}

type riskEntry struct {
	id, asset, threat, vulnerability, treatment, owner string
	likelihood, impact                                 int
	controls                                           []string
	acceptance                                         *acceptance
	// source is where the register states the risk (file:line), and
	// factSource the fact's source, for findings.
	source     string
	factSource facts.Source
}

type acceptance struct {
	by           string
	date, expiry time.Time
}

// RiskSettings are the appetite and method residual risk is computed with.
type RiskSettings struct {
	Appetite int    `json:"appetite"`
	Method   string `json:"method"`
}

// Residual risk methods (docs/risk.md; catalog.MethodScore and
// catalog.MethodSplit).
const (
	RiskMethodScore = catalog.MethodScore
	RiskMethodSplit = catalog.MethodSplit
)

// DefaultRiskSettings apply when a run has a register but no settings fact.
func DefaultRiskSettings() RiskSettings {
	return RiskSettings{Appetite: catalog.DefaultAppetite, Method: catalog.MethodScore}
}

// where formats a fact's source as file:line.
func where(s facts.Source) string {
	if s.Line > 0 {
		return fmt.Sprintf("%s:%d", s.File, s.Line)
	}
	return s.File
}

// readDeclarations reads the applicability, risk and risk_settings facts.
// Providers have checked them; a fact that still does not fit (a hand-made
// or altered facts file) is an error naming it.
func readDeclarations(idx *factIndex) (*declarations, error) {
	d := &declarations{applicability: map[string]applicabilityEntry{}, settings: DefaultRiskSettings()}
	files := map[string]bool{}
	for _, f := range idx.byKind[facts.KindApplicability] {
		bad := func(field string) error {
			return fmt.Errorf("%s: applicability fact %q: %s is missing or of the wrong type", where(f.Source), f.ID, field)
		}
		ctl, ok := f.Attributes["control"].(string)
		if !ok {
			return nil, bad("control")
		}
		applicable, ok := f.Attributes["applicable"].(bool)
		if !ok {
			return nil, bad("applicable")
		}
		just, _ := f.Attributes["justification"].(string)
		if _, dup := d.applicability[ctl]; dup {
			return nil, fmt.Errorf("%s: control %s is stated twice in the applicability facts", where(f.Source), ctl)
		}
		d.applicability[ctl] = applicabilityEntry{applicable: applicable, justification: just, source: where(f.Source)}
		files[f.Source.File] = true
	}
	d.applicabilityFiles = sortedKeys(files)

	if s := idx.byKind[facts.KindRiskSettings]; len(s) > 0 {
		appetite, ok := wholeNumber(s[0].Attributes["appetite"])
		method, _ := s[0].Attributes["method"].(string)
		if !ok || appetite < 1 || appetite > 25 || (method != RiskMethodScore && method != RiskMethodSplit) {
			return nil, fmt.Errorf("%s: risk settings fact: appetite must be 1 to 25 and method score or split", where(s[0].Source))
		}
		d.settings = RiskSettings{Appetite: appetite, Method: method}
	}
	files = map[string]bool{}
	for _, f := range idx.byKind[facts.KindRisk] {
		r, err := riskFromFact(f)
		if err != nil {
			return nil, err
		}
		d.risks = append(d.risks, r)
		files[f.Source.File] = true
	}
	d.registerFiles = sortedKeys(files)
	return d, nil
}

func riskFromFact(f *facts.Fact) (riskEntry, error) {
	a := f.Attributes
	bad := func(field string) error {
		return fmt.Errorf("%s: risk fact %q: %s is missing or of the wrong type", where(f.Source), f.ID, field)
	}
	r := riskEntry{source: where(f.Source), factSource: f.Source}
	var ok bool
	for _, field := range []struct {
		name string
		dst  *string
	}{{"id", &r.id}, {"asset", &r.asset}, {"threat", &r.threat}, {"treatment", &r.treatment}, {"owner", &r.owner}} {
		if *field.dst, ok = a[field.name].(string); !ok || *field.dst == "" {
			return r, bad(field.name)
		}
	}
	r.vulnerability, _ = a["vulnerability"].(string)
	if r.likelihood, ok = wholeNumber(a["likelihood"]); !ok || r.likelihood < 1 || r.likelihood > 5 {
		return r, bad("likelihood (1 to 5)")
	}
	if r.impact, ok = wholeNumber(a["impact"]); !ok || r.impact < 1 || r.impact > 5 {
		return r, bad("impact (1 to 5)")
	}
	switch ctls := a["controls"].(type) {
	case []any:
		for _, c := range ctls {
			s, ok := c.(string)
			if !ok {
				return r, bad("controls")
			}
			r.controls = append(r.controls, s)
		}
	case []string:
		r.controls = slices.Clone(ctls)
	case nil:
	default:
		return r, bad("controls")
	}
	slices.SortFunc(r.controls, catalog.CompareIDs)
	if acc, ok := a["acceptance"].(map[string]any); ok {
		r.acceptance = &acceptance{}
		var err error
		by, _ := acc["by"].(string)
		date, _ := acc["date"].(string)
		if r.acceptance.by = by; by == "" {
			return r, bad("acceptance.by")
		}
		if r.acceptance.date, err = time.Parse(time.RFC3339, date); err != nil {
			return r, bad("acceptance.date")
		}
		if exp, ok := acc["expiry"].(string); ok {
			if r.acceptance.expiry, err = time.Parse(time.RFC3339, exp); err != nil {
				return r, bad("acceptance.expiry")
			}
		}
	}
	return r, nil
}

// wholeNumber reads a whole number from a fact attribute, which is an
// int64 from a provider and a float64 or json.Number from a facts file.
func wholeNumber(v any) (int, bool) {
	switch x := v.(type) {
	case int:
		return x, true
	case int64:
		return int(x), true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<31 {
			return int(x), true
		}
	case json.Number:
		n, err := x.Int64()
		return int(n), err == nil && n > -1<<31 && n < 1<<31
	}
	return 0, false
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func joinOr(ss []string, none string) string {
	if len(ss) == 0 {
		return none
	}
	return strings.Join(ss, ", ")
}
