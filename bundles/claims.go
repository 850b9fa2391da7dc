package bundles

import (
	"encoding/json"
	"fmt"
	"maps"
	"time"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/waiver"
)

// recordedReport is the part of report.json that the signed predicate
// and the printed verdict summarise.
type recordedReport struct {
	FormatVersion int            `json:"format_version"`
	Tool          engine.Tool    `json:"tool"`
	EffectiveTime time.Time      `json:"effective_time"`
	Summary       engine.Summary `json:"summary"`
	Controls      []struct {
		Theme  string        `json:"theme"`
		Status engine.Status `json:"status"`
	} `json:"controls"`
	Findings []struct {
		Severity engine.Severity `json:"severity"`
		Waiver   *waiver.Waiver  `json:"waiver"`
	} `json:"findings"`
	Policies []anyValue `json:"policies"`
	Clauses  []struct {
		ID     string              `json:"id"`
		Parent string              `json:"parent"`
		Status engine.ClauseStatus `json:"status"`
	} `json:"clauses"`
	Selection *engine.Selection `json:"selection"`
	Waivers   []waiver.Result   `json:"waivers"`
}

// anyValue is any one JSON value, read only to be counted: decoding into
// it keeps nothing of the value.
type anyValue struct{}

// UnmarshalJSON accepts any value and keeps nothing.
func (*anyValue) UnmarshalJSON([]byte) error { return nil }

// checkClaims compares what the signed predicate claims, and verify
// prints, with the signed report and facts: a key holder could otherwise
// sign a predicate whose summary says "0 findings" over a report full of
// them, and cosign, which checks only the signature, would not notice.
// The report's own summary is recounted from its controls, findings,
// policies and clauses, and its fact count from facts.json. It returns
// what it read of the report, which a replay reads its selection and
// waivers from.
func checkClaims(a *Archive, p *Predicate) (*recordedReport, []string) {
	var r recordedReport
	if err := json.Unmarshal(a.Files[FileReport], &r); err != nil {
		return nil, []string{fmt.Sprintf("%s: %v", FileReport, err)}
	}
	// The facts are only counted here: each is checked to be a JSON value
	// and nothing of it is kept.
	var fs []anyValue
	if err := json.Unmarshal(a.Files[FileFacts], &fs); err != nil {
		return nil, []string{fmt.Sprintf("%s: %v", FileFacts, err)}
	}
	var problems []string
	differ := func(what string, claimed, actual any) {
		problems = append(problems, fmt.Sprintf("the signed predicate's %s (%s) differs from %s's (%s)", what, show(claimed), FileReport, show(actual)))
	}
	if r.Tool != p.Tool {
		differ("tool", p.Tool, r.Tool)
	}
	if !r.EffectiveTime.Equal(p.EffectiveTime) {
		differ("effective time", p.EffectiveTime, r.EffectiveTime)
	}
	if max(r.FormatVersion, 1) != p.RecordedReportFormat() {
		differ("report format", p.RecordedReportFormat(), max(r.FormatVersion, 1))
	}
	if claimed, actual := selectionJSON(p.Selection), selectionJSON(r.Selection); claimed != actual {
		differ("selection", p.Selection, r.Selection)
	}
	if claimed, actual := waiversJSON(p.Waivers), waiversJSON(r.Waivers); claimed != actual {
		differ("waivers", p.Waivers, r.Waivers)
	}
	if claimed, actual := summaryJSON(p.Summary), summaryJSON(r.Summary); claimed != actual {
		problems = append(problems, fmt.Sprintf("the signed predicate's summary differs from %s's: signed %s, report %s", FileReport, claimed, actual))
	}
	if recounted, stated := summaryJSON(recount(r, len(fs))), summaryJSON(r.Summary); recounted != stated {
		problems = append(problems, fmt.Sprintf("%s's summary does not match its own content and %s: it states %s, they count %s", FileReport, FileFacts, stated, recounted))
	}
	return &r, problems
}

// recount is the summary the report's content gives.
func recount(r recordedReport, facts int) engine.Summary {
	s := engine.Summary{
		Facts:      facts,
		Policies:   len(r.Policies),
		Controls:   len(r.Controls),
		ByStatus:   map[engine.Status]int{},
		ByTheme:    map[string]map[engine.Status]int{},
		Findings:   len(r.Findings),
		BySeverity: map[engine.Severity]int{},
		Clauses:    map[engine.ClauseStatus]int{},
		Risks:      r.Summary.Risks,
	}
	for _, c := range r.Controls {
		s.ByStatus[c.Status]++
		if s.ByTheme[c.Theme] == nil {
			s.ByTheme[c.Theme] = map[engine.Status]int{}
		}
		s.ByTheme[c.Theme][c.Status]++
	}
	for _, f := range r.Findings {
		s.BySeverity[f.Severity]++
		if f.Waiver != nil {
			s.Waived++
		}
	}
	parents := map[string]bool{}
	for _, c := range r.Clauses {
		parents[c.Parent] = true
	}
	for _, c := range r.Clauses {
		if !parents[c.ID] {
			s.Clauses[c.Status]++
		}
	}
	return s
}

// summaryJSON renders s with zero counts left out, so that a count
// recorded as 0 and one not recorded compare equal.
func summaryJSON(s engine.Summary) string {
	s.ByStatus = nonZero(s.ByStatus)
	s.BySeverity = nonZero(s.BySeverity)
	s.Clauses = nonZero(s.Clauses)
	themes := map[string]map[engine.Status]int{}
	for t, m := range s.ByTheme {
		if m = nonZero(m); len(m) > 0 {
			themes[t] = m
		}
	}
	s.ByTheme = themes
	b, err := json.Marshal(s)
	if err != nil {
		return fmt.Sprintf("unrenderable summary: %v", err)
	}
	return string(b)
}

func nonZero[K comparable](m map[K]int) map[K]int {
	out := maps.Clone(m)
	maps.DeleteFunc(out, func(_ K, n int) bool { return n == 0 })
	return out
}

// waiversJSON is ws as JSON, "null" without waivers.
func waiversJSON(ws []waiver.Result) string {
	if len(ws) == 0 {
		return "null"
	}
	b, _ := json.Marshal(ws)
	return string(b)
}

// selectionJSON is s as JSON, "null" when it selects everything.
func selectionJSON(s *engine.Selection) string {
	if s.Empty() {
		return "null"
	}
	b, _ := json.Marshal(s)
	return string(b)
}
