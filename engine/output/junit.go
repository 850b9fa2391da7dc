package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/annexa-dev/annexa/engine"
)

// JUnit writes the report as JUnit XML for the test report views of CI
// systems (GitLab, Jenkins, Azure DevOps): a test suite per Annex A theme
// with a test case per control, and a suite of the ISO/IEC 27001 clause
// requirements. A failing control or clause is a failure listing its
// findings or gaps; one that was not assessed or is not applicable is
// skipped with the reason; one that failed to evaluate is an error.
// JUnit follows the gate: a control whose findings are all waived or
// below --fail-on (or, with a baseline, known) passes, with its findings
// listed in system-out.
type JUnit struct {
	// Gate decides which findings fail a test case; nil gates on every
	// finding no waiver waives (--fail-on low).
	Gate *engine.Gate
}

// The elements and attributes follow the Jenkins xUnit "JUnit 10" schema,
// the one CI tools validate against; it has no skipped count on
// <testsuites>, so the suites carry it.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Timestamp string      `xml:"timestamp,attr"`
	Cases     []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitMessage `xml:"failure"`
	Error     *junitMessage `xml:"error"`
	Skipped   *junitMessage `xml:"skipped"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Body    string `xml:",cdata"`
}

// Write implements Writer.
func (j JUnit) Write(w io.Writer, r *engine.Report) error {
	gate := engine.Gate{FailOn: engine.SeverityLow}
	if j.Gate != nil {
		gate = *j.Gate
	}
	gating := gate.Decide(r).Gating
	byControl := map[string]caseFindings{}
	byClause := map[string]caseFindings{}
	for i, f := range r.Findings {
		for _, c := range f.Controls {
			byControl[c] = byControl[c].add(f, gating[i])
		}
		for _, c := range f.Clauses {
			byClause[c] = byClause[c].add(f, gating[i])
		}
	}
	stamp := r.EffectiveTime.UTC().Format("2006-01-02T15:04:05")
	doc := junitSuites{Name: "annexa"}
	for _, theme := range themes(r) {
		s := junitSuite{Timestamp: stamp}
		for _, c := range r.Controls {
			if c.Theme != theme {
				continue
			}
			if s.Name == "" {
				num, _, _ := strings.Cut(c.ID, ".")
				s.Name = fmt.Sprintf("A.%s %s controls", num, titleCase(theme))
			}
			s.add(controlCase(c, byControl[c.ID]))
		}
		doc.add(s)
	}
	clauses := junitSuite{Name: "ISO/IEC 27001 clauses 4-10", Timestamp: stamp}
	for _, c := range r.Clauses {
		if c.Rule != "" {
			clauses.add(clauseCase(c, byClause[c.ID]))
		}
	}
	if len(clauses.Cases) > 0 {
		doc.add(clauses)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func (s *junitSuite) add(c junitCase) {
	s.Tests++
	switch {
	case c.Failure != nil:
		s.Failures++
	case c.Error != nil:
		s.Errors++
	case c.Skipped != nil:
		s.Skipped++
	}
	s.Cases = append(s.Cases, c)
}

func (d *junitSuites) add(s junitSuite) {
	d.Tests += s.Tests
	d.Failures += s.Failures
	d.Errors += s.Errors
	d.Suites = append(d.Suites, s)
}

// caseFindings are the findings of one test case: those that fail it
// (they gate the run) and the others, waived, below the gate or in the
// baseline.
type caseFindings struct {
	gating, other []engine.Finding
}

func (cf caseFindings) add(f engine.Finding, gating bool) caseFindings {
	if gating {
		cf.gating = append(cf.gating, f)
	} else {
		cf.other = append(cf.other, f)
	}
	return cf
}

// controlCase is the test case of one control.
func controlCase(c engine.ControlResult, cf caseFindings) junitCase {
	tc := junitCase{Name: c.ID + " " + c.Title, Classname: "annexa.A." + c.ID}
	findings := cf.gating
	tc.SystemOut = notGating(cf.other)
	switch c.Status {
	case engine.StatusFail, engine.StatusWaived:
		if len(findings) == 0 {
			break
		}
		msg := fmt.Sprintf("%d finding(s) on %d of %d facts assessed: %s", c.Findings, c.Failed, c.Assessed, severityCounts(findings))
		if len(cf.other) > 0 {
			msg += fmt.Sprintf("; %d not gating (waived, below --fail-on or in the baseline)", len(cf.other))
		}
		tc.Failure = &junitMessage{
			Message: msg,
			Type:    string(highest(findings)),
			Body:    findingLines(findings),
		}
	case engine.StatusError:
		tc.Error = &junitMessage{Message: c.Reason, Type: "evaluation"}
	case engine.StatusNotAssessed, engine.StatusNotApplicable:
		tc.Skipped = &junitMessage{Message: strings.ReplaceAll(string(c.Status), "_", " ") + ": " + c.Reason}
	}
	return tc
}

// clauseCase is the test case of one clause requirement; the findings
// against it (risks above appetite) fail it too.
func clauseCase(c engine.ClauseResult, cf caseFindings) junitCase {
	tc := junitCase{Name: c.ID + " " + c.Title, Classname: "annexa.clause." + c.ID}
	findings := cf.gating
	tc.SystemOut = notGating(cf.other)
	switch {
	case c.Status == engine.ClauseError:
		tc.Error = &junitMessage{Message: strings.Join(c.Reasons, "; "), Type: "evaluation"}
	case c.Status == engine.ClausePartial || c.Status == engine.ClauseNonconformant || len(findings) > 0:
		var body strings.Builder
		for _, reason := range c.Reasons {
			fmt.Fprintf(&body, "%s\n", reason)
		}
		body.WriteString(findingLines(findings))
		tc.Failure = &junitMessage{Message: strings.ReplaceAll(string(c.Status), "_", " "), Type: string(c.Status), Body: body.String()}
	case c.Status == engine.ClauseNotAssessed:
		tc.Skipped = &junitMessage{Message: "not assessed: " + strings.Join(c.Reasons, "; ")}
	}
	return tc
}

// notGating lists the findings of a test case that do not fail it, each
// saying why: waived (with the waiver) or below the gate.
func notGating(findings []engine.Finding) string {
	if len(findings) == 0 {
		return ""
	}
	var b strings.Builder
	for _, f := range findings {
		if w := f.Waiver; w != nil {
			fmt.Fprintf(&b, "waived until %s (%s, %s): ", w.Expires, w.Reason, w.Where())
		} else {
			b.WriteString("not gating: ")
		}
		b.WriteString(findingLines([]engine.Finding{f}))
	}
	return b.String()
}

// findingLines lists findings one a line: severity, resource, message,
// policy and where it was found.
func findingLines(findings []engine.Finding) string {
	var b strings.Builder
	for _, f := range findings {
		fmt.Fprintf(&b, "%s %s: %s [%s]", f.Severity, f.Resource, f.Message, f.Policy)
		if f.Source != nil && f.Source.File != "" {
			fmt.Fprintf(&b, " at %s", f.Source.File)
			if f.Source.Line > 0 {
				fmt.Fprintf(&b, ":%d", f.Source.Line)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func severityCounts(findings []engine.Finding) string {
	n := map[engine.Severity]int{}
	for _, f := range findings {
		n[f.Severity]++
	}
	var parts []string
	for _, s := range []engine.Severity{engine.SeverityCritical, engine.SeverityHigh, engine.SeverityMedium, engine.SeverityLow} {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], s))
		}
	}
	return strings.Join(parts, ", ")
}

func highest(findings []engine.Finding) engine.Severity {
	var top engine.Severity
	for _, f := range findings {
		if f.Severity.Rank() > top.Rank() {
			top = f.Severity
		}
	}
	return top
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
