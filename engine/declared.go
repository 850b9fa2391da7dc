package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/applicability"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/riskregister"
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
	risks              []declaredRisk
	registerFiles      []string
	settings           RiskSettings
}

type applicabilityEntry struct {
	applicable    bool
	justification string
	source        string
}

// declaredRisk is a risk of the register as its fact states it.
type declaredRisk struct {
	riskregister.Risk
	// source is the fact's source: where the register states the risk.
	source facts.Source
}

// RiskSettings are the appetite and method residual risk is computed with
// (riskregister.Settings; the file and line stay out of reports).
type RiskSettings = riskregister.Settings

// Residual risk methods (docs/risk.md; catalog.MethodScore and
// catalog.MethodSplit).
const (
	RiskMethodScore = catalog.MethodScore
	RiskMethodSplit = catalog.MethodSplit
)

// DefaultRiskSettings apply when a run has a register but no settings fact.
func DefaultRiskSettings() RiskSettings { return riskregister.DefaultSettings() }

// where formats a fact's source as file:line.
func where(s facts.Source) string {
	if s.Line > 0 {
		return fmt.Sprintf("%s:%d", s.File, s.Line)
	}
	return s.File
}

// readDeclarations reads the applicability, risk and risk_settings facts
// into the providers' own types. Each is first checked against the schema
// of its kind, as providers' output is on a first run and a bundle's facts
// are on a replay, so a hand-made or altered fact is an error naming its
// file and field, and reading it only decodes.
func (e *Engine) readDeclarations(idx *factIndex) (*declarations, error) {
	for _, kind := range []string{facts.KindApplicability, facts.KindRiskSettings, facts.KindRisk} {
		for _, f := range idx.byKind[kind] {
			if err := e.validator.Validate(f.Document()); err != nil {
				return nil, err
			}
		}
	}
	d := &declarations{applicability: map[string]applicabilityEntry{}, settings: DefaultRiskSettings()}
	files := map[string]bool{}
	for _, f := range idx.byKind[facts.KindApplicability] {
		e, err := applicability.FromFact(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where(f.Source), err)
		}
		if _, dup := d.applicability[e.Control]; dup {
			return nil, fmt.Errorf("%s: control %s is stated twice in the applicability facts", where(f.Source), e.Control)
		}
		d.applicability[e.Control] = applicabilityEntry{applicable: e.Applicable, justification: e.Justification, source: where(f.Source)}
		files[f.Source.File] = true
	}
	d.applicabilityFiles = sortedKeys(files)

	if s := idx.byKind[facts.KindRiskSettings]; len(s) > 0 {
		settings, err := riskregister.SettingsFromFact(s[0])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where(s[0].Source), err)
		}
		if settings.Model != catalog.RiskModel {
			return nil, fmt.Errorf("%s: the risk settings were recorded under risk model %d; this annexa computes residual risk with model %d only (docs/risk.md, \"Risk model versions\")",
				where(s[0].Source), settings.Model, catalog.RiskModel)
		}
		settings.File, settings.Line = "", 0
		d.settings = settings
	}
	files = map[string]bool{}
	for _, f := range idx.byKind[facts.KindRisk] {
		r, err := riskregister.FromFact(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where(f.Source), err)
		}
		d.risks = append(d.risks, declaredRisk{Risk: r, source: f.Source})
		files[f.Source.File] = true
	}
	d.registerFiles = sortedKeys(files)
	return d, nil
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
