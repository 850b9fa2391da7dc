package output

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/engine"
)

// Table writes a human summary: controls that were assessed, each with the
// findings against it, then the controls that could not be assessed and why,
// then totals.
type Table struct{}

// Write implements Writer.
func (Table) Write(w io.Writer, r *engine.Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "annexa %s (OPA %s), effective %s: %d facts, %d policies\n\n",
		r.Tool.Version, r.Tool.OPAVersion, r.EffectiveTime.Format("2006-01-02T15:04:05Z07:00"), r.Summary.Facts, r.Summary.Policies)

	findingsByControl := map[string][]engine.Finding{}
	for _, f := range r.Findings {
		for _, c := range f.Controls {
			findingsByControl[c] = append(findingsByControl[c], f)
		}
	}
	titleWidth, resWidth := 0, 0
	for _, c := range r.Controls {
		if c.Status != engine.StatusNotAssessed {
			titleWidth = max(titleWidth, len(c.Title))
		}
	}
	for _, f := range r.Findings {
		resWidth = max(resWidth, len(f.Resource))
	}

	var assessed, noFacts []engine.ControlResult
	noPolicy := 0
	for _, c := range r.Controls {
		switch {
		case c.Status != engine.StatusNotAssessed:
			assessed = append(assessed, c)
		case len(c.Policies) > 0:
			noFacts = append(noFacts, c)
		default:
			noPolicy++
		}
	}
	for _, c := range assessed {
		counts := fmt.Sprintf("%d assessed", c.Assessed)
		if c.Status == engine.StatusFail {
			counts += fmt.Sprintf(", %d failed, %d findings", c.Failed, c.Findings)
		}
		fmt.Fprintf(bw, "%-5s  %-5s  %-*s  %s\n", c.ID, strings.ToUpper(string(c.Status)), titleWidth, c.Title, counts)
		for _, f := range findingsByControl[c.ID] {
			fmt.Fprintf(bw, "       %-8s  %-*s  %s  [%s]\n", f.Severity, resWidth, f.Resource, f.Message, f.Policy)
		}
		if c.Status == engine.StatusError {
			fmt.Fprintf(bw, "       error: %s\n", c.Reason)
		}
	}
	if len(noFacts) > 0 {
		fmt.Fprintf(bw, "\nNot assessed, no relevant facts in the input:\n")
		for _, c := range noFacts {
			fmt.Fprintf(bw, "%-5s  %s: %s\n", c.ID, c.Title, c.Reason)
		}
	}
	if noPolicy > 0 {
		fmt.Fprintf(bw, "\nNot assessed, no policy yet: %d controls (see `annexa controls`)\n", noPolicy)
	}

	fmt.Fprintln(bw)
	for _, theme := range themes(r) {
		n := r.Summary.ByTheme[theme]
		fmt.Fprintf(bw, "%-14s %s\n", theme, statusCounts(n[engine.StatusPass]+n[engine.StatusFail]+n[engine.StatusNotAssessed]+n[engine.StatusError], n))
	}
	fmt.Fprintf(bw, "%-14s %s\n", "total", statusCounts(r.Summary.Controls, r.Summary.ByStatus))
	fmt.Fprintf(bw, "%d findings: %d critical, %d high, %d medium, %d low\n",
		r.Summary.Findings, r.Summary.BySeverity[engine.SeverityCritical], r.Summary.BySeverity[engine.SeverityHigh],
		r.Summary.BySeverity[engine.SeverityMedium], r.Summary.BySeverity[engine.SeverityLow])
	return bw.Flush()
}

// themes lists the report's themes in catalog order.
func themes(r *engine.Report) []string {
	var out []string
	for _, c := range r.Controls {
		if !slices.Contains(out, c.Theme) {
			out = append(out, c.Theme)
		}
	}
	return out
}

func statusCounts(total int, n map[engine.Status]int) string {
	s := fmt.Sprintf("%2d controls: %d pass, %d fail, %d not assessed", total, n[engine.StatusPass], n[engine.StatusFail], n[engine.StatusNotAssessed])
	if n[engine.StatusError] > 0 {
		s += fmt.Sprintf(", %d error", n[engine.StatusError])
	}
	return s
}
