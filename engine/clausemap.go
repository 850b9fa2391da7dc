package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/policies/catalog"
)

// ClausesPackage is the package prefix of the clause rules: the Rego that
// decides the conformance of one ISO/IEC 27001 clause from declared
// evidence and the control results.
const ClausesPackage = "annexa.clauses"

// Clause is one clause or sub-clause of ISO/IEC 27001:2022 (clauses 4 to
// 10), as annexa's clause map describes it.
type Clause struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Parent string `json:"parent,omitempty"`
	Level  int    `json:"level"`
	// AmendedBy names an amendment that changed the clause.
	AmendedBy string `json:"amended_by,omitempty"`
	// DecidedBy is annexa's statement of what decides the clause; only
	// clauses without sub-clauses have one, and each has a rule. What the
	// rule reads is in its METADATA (ClauseRule.Inputs), not here.
	DecidedBy string `json:"decided_by,omitempty"`
}

// ClauseInputs is what a clause rule reads, as its METADATA declares in
// custom.inputs.
type ClauseInputs struct {
	// Evidence lists the record kinds (KIND or KIND:TOPIC) the rule reads.
	Evidence []string `json:"evidence,omitempty"`
	// Declarations lists the other inputs the rule reads: the risk
	// register, the applicability file.
	Declarations []string `json:"declarations,omitempty"`
	// Controls lists the Annex A controls whose results the rule reads.
	Controls []string `json:"controls,omitempty"`
	// Themes lists the control themes whose results the rule reads.
	Themes []string `json:"themes,omitempty"`
}

// Declarations a clause rule may read besides evidence and control results.
const (
	DeclarationRiskRegister  = "risk register"
	DeclarationApplicability = "applicability file"
)

// Decided reports whether a rule decides the clause (it has no sub-clauses).
func (c Clause) Decided() bool { return c.DecidedBy != "" }

// ClauseMap is the ordered list of the clauses 4 to 10 of ISO/IEC
// 27001:2022 with Amd 1:2024.
type ClauseMap struct {
	Clauses []Clause `json:"clauses"`
	byID    map[string]int
}

// ParseClauseMap parses and checks a clause map; path names it in errors.
// Every clause with sub-clauses must have no decided_by and every clause
// without must have one, so each requirement is decided exactly once.
func ParseClauseMap(b []byte, path string) (*ClauseMap, error) {
	var m ClauseMap
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parse clause map %s: %w", path, err)
	}
	m.byID = make(map[string]int, len(m.Clauses))
	for i, c := range m.Clauses {
		if c.ID == "" || c.Title == "" {
			return nil, fmt.Errorf("clause map %s: entry %d lacks id or title", path, i)
		}
		if _, dup := m.byID[c.ID]; dup {
			return nil, fmt.Errorf("clause map %s: clause %s listed twice", path, c.ID)
		}
		m.byID[c.ID] = i
	}
	children := map[string]int{}
	for _, c := range m.Clauses {
		if c.Parent == "" {
			if c.Level != 1 {
				return nil, fmt.Errorf("clause map %s: clause %s has no parent but level %d", path, c.ID, c.Level)
			}
			continue
		}
		p, ok := m.byID[c.Parent]
		if !ok {
			return nil, fmt.Errorf("clause map %s: clause %s: parent %s is not in the map", path, c.ID, c.Parent)
		}
		if m.Clauses[p].Level != c.Level-1 {
			return nil, fmt.Errorf("clause map %s: clause %s: level %d under %s of level %d", path, c.ID, c.Level, c.Parent, m.Clauses[p].Level)
		}
		children[c.Parent]++
	}
	for _, c := range m.Clauses {
		switch {
		case children[c.ID] > 0 && c.Decided():
			return nil, fmt.Errorf("clause map %s: clause %s has sub-clauses, which decide it; remove its decided_by", path, c.ID)
		case children[c.ID] == 0 && !c.Decided():
			return nil, fmt.Errorf("clause map %s: clause %s has no sub-clauses and no decided_by", path, c.ID)
		}
	}
	slices.SortStableFunc(m.Clauses, func(a, b Clause) int { return catalog.CompareIDs(a.ID, b.ID) })
	for i, c := range m.Clauses {
		m.byID[c.ID] = i
	}
	return &m, nil
}

// Lookup returns the clause with the given id.
func (m *ClauseMap) Lookup(id string) (Clause, bool) {
	i, ok := m.byID[id]
	if !ok {
		return Clause{}, false
	}
	return m.Clauses[i], true
}

// needs says what a clause's rule reads, for the reason of a clause that
// nothing could be assessed for.
func (c ClauseInputs) needs() string {
	var parts []string
	if len(c.Evidence) > 0 {
		parts = append(parts, "evidence "+strings.Join(c.Evidence, ", "))
	}
	if len(c.Declarations) > 0 {
		parts = append(parts, "the "+strings.Join(c.Declarations, " and the "))
	}
	if len(c.Controls) > 0 {
		parts = append(parts, "results of controls "+strings.Join(c.Controls, ", "))
	}
	if len(c.Themes) > 0 {
		parts = append(parts, "results of "+strings.Join(c.Themes, ", ")+" controls")
	}
	return "nothing to judge it by: needs " + strings.Join(parts, "; ")
}

// ClauseRule is one Rego package that decides a clause.
type ClauseRule struct {
	ID          string `json:"id"`
	Package     string `json:"package"`
	Clause      string `json:"clause"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	File        string `json:"file"`
	Builtin     bool   `json:"builtin"`
	// Inputs is what the rule reads (METADATA custom.inputs).
	Inputs ClauseInputs `json:"inputs"`
}

// clauseRuleResults are the rules every clause package defines.
var clauseRuleResults = []string{"status", "met", "gaps"}

// clauseRulesFromModules finds the clause packages among mods and reads
// their METADATA: each names one clause of the map that has no sub-clauses,
// and no clause has two rules.
func clauseRulesFromModules(mods map[string]*ast.Module, builtin map[string]bool, cm *ClauseMap, cat *Catalog) ([]*ClauseRule, error) {
	byPkg := map[string][]string{}
	for _, name := range slices.Sorted(maps.Keys(mods)) {
		pkg := strings.TrimPrefix(mods[name].Package.Path.String(), "data.")
		if strings.HasPrefix(pkg, ClausesPackage+".") {
			byPkg[pkg] = append(byPkg[pkg], name)
		}
	}
	var out []*ClauseRule
	byClause := map[string]string{}
	for _, pkg := range slices.Sorted(maps.Keys(byPkg)) {
		files := byPkg[pkg]
		var ann *ast.Annotations
		var annFile string
		defined := map[string]bool{}
		for _, f := range files {
			for _, r := range clauseRuleResults {
				defined[r] = defined[r] || hasRule(mods[f], r)
			}
			for _, a := range mods[f].Annotations {
				if a.Scope != "package" {
					continue
				}
				if ann != nil {
					return nil, fmt.Errorf("%s: package %s already has METADATA in %s; keep it in one file", f, pkg, annFile)
				}
				ann, annFile = a, f
			}
		}
		for _, r := range clauseRuleResults {
			if !defined[r] {
				return nil, fmt.Errorf("%s: clause package %s has no %s rule; a clause rule defines status, met and gaps (see docs/rollup.md)", files[0], pkg, r)
			}
		}
		if ann == nil {
			return nil, fmt.Errorf("%s: clause package %s has no package METADATA (title, custom.clause)", files[0], pkg)
		}
		r := &ClauseRule{
			ID:          strings.TrimPrefix(pkg, "annexa."),
			Package:     pkg,
			Title:       strings.TrimSpace(ann.Title),
			Description: strings.TrimSpace(ann.Description),
			File:        annFile,
			Builtin:     builtin[annFile],
		}
		if r.Title == "" {
			return nil, fmt.Errorf("%s: METADATA of %s: title is required", annFile, pkg)
		}
		r.Clause, _ = ann.Custom["clause"].(string)
		c, ok := cm.Lookup(r.Clause)
		switch {
		case !ok:
			return nil, fmt.Errorf("%s: METADATA of %s: custom.clause: %q is not a clause of ISO/IEC 27001:2022 (e.g. \"6.1.3\")", annFile, pkg, r.Clause)
		case !c.Decided():
			return nil, fmt.Errorf("%s: METADATA of %s: custom.clause: %s has sub-clauses; write a rule for each of them", annFile, pkg, r.Clause)
		}
		inputs, err := parseClauseInputs(ann.Custom["inputs"], cat)
		if err != nil {
			return nil, fmt.Errorf("%s: METADATA of %s: custom.inputs: %w", annFile, pkg, err)
		}
		r.Inputs = inputs
		if prev, dup := byClause[r.Clause]; dup {
			return nil, fmt.Errorf("%s: METADATA of %s: clause %s is already decided by %s", annFile, pkg, r.Clause, prev)
		}
		byClause[r.Clause] = pkg
		out = append(out, r)
	}
	return out, nil
}

// clauseEvidencePattern is an evidence input of a clause rule: a record
// kind, or KIND:TOPIC for documents about one topic.
var clauseEvidencePattern = regexp.MustCompile(`^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?$`)

// parseClauseInputs reads custom.inputs of a clause rule: an object with
// the lists evidence, declarations, controls and themes, at least one of
// them non-empty.
func parseClauseInputs(v any, cat *Catalog) (ClauseInputs, error) {
	var in ClauseInputs
	obj, ok := v.(map[string]any)
	if !ok {
		return in, fmt.Errorf("want an object with evidence, declarations, controls or themes (lists of strings), got %v", v)
	}
	lists := map[string]*[]string{"evidence": &in.Evidence, "declarations": &in.Declarations, "controls": &in.Controls, "themes": &in.Themes}
	for _, key := range slices.Sorted(maps.Keys(obj)) {
		dst, ok := lists[key]
		if !ok {
			return in, fmt.Errorf("%q is not one of evidence, declarations, controls, themes", key)
		}
		// Kept in the order written: the reason of a clause that was not
		// assessed lists them so.
		raw, ok := obj[key].([]any)
		if !ok || len(raw) == 0 {
			return in, fmt.Errorf("%s must be a non-empty list of strings", key)
		}
		for _, v := range raw {
			s, ok := v.(string)
			if !ok || s == "" || slices.Contains(*dst, s) {
				return in, fmt.Errorf("%s must be a list of distinct non-empty strings, found %v", key, v)
			}
			*dst = append(*dst, s)
		}
	}
	for _, e := range in.Evidence {
		if !clauseEvidencePattern.MatchString(e) {
			return in, fmt.Errorf("evidence: %q is not KIND or KIND:TOPIC (e.g. \"document:isms_scope\")", e)
		}
	}
	for _, d := range in.Declarations {
		if d != DeclarationRiskRegister && d != DeclarationApplicability {
			return in, fmt.Errorf("declarations: %q is not %q or %q", d, DeclarationRiskRegister, DeclarationApplicability)
		}
	}
	for _, ctl := range in.Controls {
		if _, ok := cat.Lookup(ctl); !ok {
			return in, fmt.Errorf("controls: %q is not an Annex A control", ctl)
		}
	}
	for _, th := range in.Themes {
		if !slices.Contains(Themes(), th) {
			return in, fmt.Errorf("themes: %q is not one of %s", th, strings.Join(Themes(), ", "))
		}
	}
	if len(in.Evidence)+len(in.Declarations)+len(in.Controls)+len(in.Themes) == 0 {
		return in, errors.New("list at least one of evidence, declarations, controls, themes")
	}
	return in, nil
}
