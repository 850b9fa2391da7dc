package output

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/engine"
)

// JUnit writes the report as JUnit XML for the test report views of CI
// systems (GitLab, Jenkins, Azure DevOps): a test suite per Annex A theme
// with a test case per control, and a suite of the ISO/IEC 27001 clause
// requirements. A failing control or clause is a failure listing its
// findings or gaps; one that was not assessed or is not applicable is
// skipped with the reason; one that failed to evaluate is an error.
//
// A control fails only on a finding at or above FailOn, as the exit code
// does (--fail-on): one whose findings are all below it passes, and lists
// them in its output. A clause requirement that is partial or
// nonconformant fails whatever FailOn is: its gaps have no severity. The
// findings below the report's --severity are not listed.
type JUnit struct {
	// FailOn is the --fail-on threshold; "" is low (every finding fails),
	// engine.GateNone none.
	FailOn engine.Severity
	// Locate says where each finding is; nil uses the fact's source.
	Locate Locator
}

// fails reports whether a finding of severity sev fails a test case.
func (j JUnit) fails(sev engine.Severity) bool {
	switch j.FailOn {
	case "":
		return true
	case engine.GateNone:
		return false
	}
	return sev.Rank() >= j.FailOn.Rank()
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
	byControl := map[string][]engine.Finding{}
	byClause := map[string][]engine.Finding{}
	for _, f := range r.Findings {
		for _, c := range f.Controls {
			byControl[c] = append(byControl[c], f)
		}
		for _, c := range f.Clauses {
			byClause[c] = append(byClause[c], f)
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
			s.add(j.controlCase(c, byControl[c.ID], r.Selection))
		}
		doc.add(s)
	}
	clauses := junitSuite{Name: "ISO/IEC 27001 clauses 4-10", Timestamp: stamp}
	for _, c := range r.Clauses {
		if c.Rule != "" {
			clauses.add(j.clauseCase(c, byClause[c.ID], r.Selection))
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

// controlCase is the test case of one control.
func (j JUnit) controlCase(c engine.ControlResult, findings []engine.Finding, sel *engine.Selection) junitCase {
	tc := junitCase{Name: c.ID + " " + c.Title, Classname: "annexa.A." + c.ID}
	switch c.Status {
	case engine.StatusFail:
		if !slices.ContainsFunc(findings, func(f engine.Finding) bool { return j.fails(f.Severity) }) {
			tc.SystemOut = fmt.Sprintf("%d finding(s) below the --fail-on threshold (%s), not a failure:\n%s",
				c.Findings, cmp.Or(string(j.FailOn), "low"), j.findingLines(findings, sel))
			break
		}
		tc.Failure = &junitMessage{
			Message: fmt.Sprintf("%d finding(s) on %d of %d facts assessed: %s", c.Findings, c.Failed, c.Assessed, severityCounts(findings)),
			Type:    string(highest(findings)),
			Body:    j.findingLines(findings, sel),
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
func (j JUnit) clauseCase(c engine.ClauseResult, findings []engine.Finding, sel *engine.Selection) junitCase {
	tc := junitCase{Name: c.ID + " " + c.Title, Classname: "annexa.clause." + c.ID}
	gating := slices.ContainsFunc(findings, func(f engine.Finding) bool { return j.fails(f.Severity) })
	switch {
	case c.Status == engine.ClauseError:
		tc.Error = &junitMessage{Message: strings.Join(c.Reasons, "; "), Type: "evaluation"}
	case c.Status == engine.ClausePartial || c.Status == engine.ClauseNonconformant || gating:
		var body strings.Builder
		for _, reason := range c.Reasons {
			fmt.Fprintf(&body, "%s\n", reason)
		}
		body.WriteString(j.findingLines(findings, sel))
		tc.Failure = &junitMessage{Message: strings.ReplaceAll(string(c.Status), "_", " "), Type: string(c.Status), Body: body.String()}
	case c.Status == engine.ClauseNotAssessed:
		tc.Skipped = &junitMessage{Message: "not assessed: " + strings.Join(c.Reasons, "; ")}
	}
	return tc
}

// findingLines lists findings one a line: severity, resource, message,
// policy and where it was found; those below --severity are counted.
func (j JUnit) findingLines(findings []engine.Finding, sel *engine.Selection) string {
	var b strings.Builder
	hidden := 0
	for _, f := range findings {
		if !sel.Shows(f.Severity) {
			hidden++
			continue
		}
		fmt.Fprintf(&b, "%s %s: %s [%s]", f.Severity, f.Resource, f.Message, f.Policy)
		if loc := j.Locate.locate(f); loc.File != "" {
			fmt.Fprintf(&b, " at %s", loc)
		}
		b.WriteString("\n")
	}
	if hidden > 0 {
		fmt.Fprintf(&b, "%d finding(s) below %s not listed (--severity %s)\n", hidden, sel.Severity, sel.Severity)
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
