package output

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"time"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/policies/catalog"
)

//go:embed html/report.html.tmpl
var htmlTemplateText string

//go:embed html/report.css
var htmlCSS string

//go:embed html/report.js
var htmlJS string

// HTML writes the report as one self-contained HTML page for people: an
// overview, a heat map of the controls by theme, the conformance of the
// clauses, the Statement of Applicability, the inherent and residual risk
// matrices, every control with its findings at file:line, the waived
// findings and the input warnings. Its style and script are inline and
// its Content-Security-Policy forbids loading anything, so it opens
// offline and from an artefact store; it prints with every section open.
// The same report gives the same bytes.
type HTML struct {
	waivers waiverLookup
}

// Write implements Writer.
func (h HTML) Write(w io.Writer, r *engine.Report) error {
	tmpl, err := template.New("report").Funcs(template.FuncMap{
		"label":    func(s any) string { return statusLabel(fmt.Sprint(s)) },
		"status":   statusClass,
		"clause":   clauseClass,
		"dict":     func(k string, v any) map[string]any { return map[string]any{k: v} },
		"list":     func(v ...int) []int { return v },
		"findings": func(n int) string { return plural(n, "finding", "findings") },
	}).Parse(htmlTemplateText)
	if err != nil {
		return fmt.Errorf("html: parse template: %w", err)
	}
	bw := bufio.NewWriter(w)
	if err := tmpl.Execute(bw, htmlView(r, h.waivers)); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return bw.Flush()
}

// statusClass is the CSS class of a control status; a status the page
// has no colour for gets the neutral "other".
func statusClass(s engine.Status) string {
	switch s {
	case engine.StatusPass, engine.StatusFail, engine.StatusWaived, engine.StatusNotApplicable, engine.StatusNotAssessed, engine.StatusError:
		return "st-" + string(s)
	}
	return "st-other"
}

// clauseClass is the CSS class of a clause status.
func clauseClass(s engine.ClauseStatus) string {
	switch s {
	case engine.ClauseConformant, engine.ClausePartial, engine.ClauseNonconformant, engine.ClauseNotAssessed, engine.ClauseError:
		return "cl-" + string(s)
	}
	return "cl-other"
}

type htmlPage struct {
	R           *engine.Report
	CSS         template.CSS
	JS          template.JS
	Effective   string
	Verdict     string
	Failing     int
	Statuses    []htmlCount
	Severities  []htmlCount
	ClauseTotal []htmlCount
	Themes      []htmlTheme
	Attention   []htmlControl
	Others      []htmlControl
	Clauses     []engine.ClauseResult
	ClauseFinds []htmlFinding
	SoA         []htmlSoA
	SoAFile     string
	Risks       *htmlRisks
	Waived      []htmlFinding
	Diagnostics []string
}

type htmlCount struct {
	Name  string
	Class string
	N     int
}

type htmlTheme struct {
	Name     string
	Controls []engine.ControlResult
	Counts   []htmlCount
}

type htmlControl struct {
	engine.ControlResult
	Findings []htmlFinding
	Worst    engine.Severity
}

type htmlFinding struct {
	engine.Finding
	Location string
	Title    string
	Waived   bool
	Waiver   []waiverField
}

type htmlSoA struct {
	engine.SoAEntry
	Evidence string
}

type htmlRisks struct {
	*engine.RiskReport
	Inherent, Residual [][]htmlCell
	Summary            string
	Rows               []htmlRisk
	Above, Unaccepted  int
}

type htmlRisk struct {
	engine.RiskResult
	Status string
	Alarm  bool
}

type htmlCell struct {
	N     int
	Class string
	Label string
}

func htmlView(r *engine.Report, waivers waiverLookup) htmlPage {
	p := htmlPage{
		R: r, CSS: template.CSS(htmlCSS), JS: template.JS(htmlJS),
		Effective: r.EffectiveTime.UTC().Format(time.RFC3339),
		Failing:   r.Summary.ByStatus[engine.StatusFail],
		Clauses:   r.Clauses,
	}
	p.Verdict = "No control fails"
	if p.Failing > 0 {
		p.Verdict = fmt.Sprintf("%d of %d controls fail", p.Failing, r.Summary.Controls)
	}
	for _, st := range reportStatuses(r) {
		if n := countStatus(r, st); n > 0 || st == engine.StatusFail || st == engine.StatusPass {
			p.Statuses = append(p.Statuses, htmlCount{Name: statusLabel(string(st)), Class: statusClass(st), N: n})
		}
	}
	for _, sev := range []engine.Severity{engine.SeverityCritical, engine.SeverityHigh, engine.SeverityMedium, engine.SeverityLow} {
		p.Severities = append(p.Severities, htmlCount{Name: string(sev), Class: "sev-" + string(sev), N: r.Summary.BySeverity[sev]})
	}
	for _, st := range []engine.ClauseStatus{engine.ClauseConformant, engine.ClausePartial, engine.ClauseNonconformant, engine.ClauseNotAssessed, engine.ClauseError} {
		if n := r.Summary.Clauses[st]; n > 0 {
			p.ClauseTotal = append(p.ClauseTotal, htmlCount{Name: statusLabel(string(st)), Class: clauseClass(st), N: n})
		}
	}

	titles := map[string]string{}
	for _, pol := range r.Policies {
		titles[pol.ID] = pol.Title
	}
	finding := func(f engine.Finding) htmlFinding {
		fields, waived := waivers.of(f)
		return htmlFinding{Finding: f, Location: location(f), Title: titles[f.Policy], Waived: waived, Waiver: fields}
	}
	byControl := map[string][]htmlFinding{}
	for _, f := range r.Findings {
		hf := finding(f)
		for _, c := range f.Controls {
			byControl[c] = append(byControl[c], hf)
		}
		if len(f.Controls) == 0 {
			p.ClauseFinds = append(p.ClauseFinds, hf)
		}
		if hf.Waived {
			p.Waived = append(p.Waived, hf)
		}
	}

	themeOf := map[string][]engine.ControlResult{}
	for _, c := range r.Controls {
		themeOf[c.Theme] = append(themeOf[c.Theme], c)
	}
	themes := engine.Themes()
	var extra []string
	for theme := range themeOf {
		if !slices.Contains(themes, theme) {
			extra = append(extra, theme)
		}
	}
	slices.Sort(extra)
	themes = append(themes, extra...)
	for _, theme := range themes {
		cs := themeOf[theme]
		if len(cs) == 0 {
			continue
		}
		t := htmlTheme{Name: theme, Controls: cs}
		for _, st := range reportStatuses(r) {
			if n := r.Summary.ByTheme[theme][st]; n > 0 {
				t.Counts = append(t.Counts, htmlCount{Name: statusLabel(string(st)), Class: statusClass(st), N: n})
			}
		}
		p.Themes = append(p.Themes, t)
	}

	attention, others := splitControls(r.Controls)
	for _, c := range attention {
		fs := byControl[c.ID]
		var worst engine.Severity
		for _, f := range fs {
			if f.Severity.Rank() > worst.Rank() {
				worst = f.Severity
			}
		}
		p.Attention = append(p.Attention, htmlControl{ControlResult: c, Findings: fs, Worst: worst})
	}
	for _, c := range others {
		p.Others = append(p.Others, htmlControl{ControlResult: c, Findings: byControl[c.ID]})
	}

	if r.SoA != nil {
		p.SoAFile = r.SoA.File
		for _, e := range r.SoA.Controls {
			p.SoA = append(p.SoA, htmlSoA{SoAEntry: e, Evidence: evidenceCell(e)})
		}
	}
	if r.Risks != nil {
		hr := &htmlRisks{RiskReport: r.Risks, Summary: riskLine(r),
			Inherent: riskCells(r.Risks.InherentMatrix), Residual: riskCells(r.Risks.ResidualMatrix)}
		for _, k := range r.Risks.Risks {
			hr.Rows = append(hr.Rows, htmlRisk{RiskResult: k, Status: riskStatus(k, r.Risks.Appetite), Alarm: k.AboveAppetite && !k.Accepted})
			if k.AboveAppetite {
				hr.Above++
				if !k.Accepted {
					hr.Unaccepted++
				}
			}
		}
		p.Risks = hr
	}
	for _, d := range r.Diagnostics {
		p.Diagnostics = append(p.Diagnostics, d.String())
	}
	return p
}

func countStatus(r *engine.Report, st engine.Status) int {
	n := 0
	for _, c := range r.Controls {
		if c.Status == st {
			n++
		}
	}
	return n
}

// riskCells lays a 5×5 matrix out as the page draws it: likelihood 5 to 1
// down, impact 1 to 5 across, each cell coloured by the band of its score.
func riskCells(m [5][5]int) [][]htmlCell {
	rows := make([][]htmlCell, 0, 5)
	for l := 5; l >= 1; l-- {
		row := make([]htmlCell, 0, 5)
		for i := 1; i <= 5; i++ {
			row = append(row, htmlCell{N: m[l-1][i-1], Class: "band-" + string(catalog.BandOf(l*i)), Label: fmt.Sprintf("likelihood %d, impact %d", l, i)})
		}
		rows = append(rows, row)
	}
	return rows
}
