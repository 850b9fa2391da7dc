package output

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/waiver"
	"github.com/annexa-dev/annexa/internal/termsafe"
)

// Table writes a human summary: controls that were assessed, each with the
// findings against it (a waived one marked with its waiver), then the
// controls that could not be assessed and why, then totals.
type Table struct {
	// Gate, when set, adds the line saying whether the run passes the
	// gate (--fail-on, waivers, --baseline) and why, as the exit code
	// decides it.
	Gate *engine.Gate
}

// Write implements Writer.
func (t Table) Write(w io.Writer, r *engine.Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "annexa %s (OPA %s), effective %s: %d facts, %d policies\n",
		r.Tool.Version, r.Tool.OPAVersion, r.EffectiveTime.Format("2006-01-02T15:04:05Z07:00"), r.Summary.Facts, r.Summary.Policies)
	writeDiagnostics(bw, r)
	fmt.Fprintln(bw)

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

	var assessed, noFacts, excluded []engine.ControlResult
	noPolicy := 0
	for _, c := range r.Controls {
		switch {
		case c.Status == engine.StatusNotApplicable:
			excluded = append(excluded, c)
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
		if c.Status == engine.StatusFail || c.Status == engine.StatusWaived {
			counts += fmt.Sprintf(", %d failed, %d findings", c.Failed, c.Findings)
		}
		if c.Waived > 0 {
			counts += fmt.Sprintf(", %d waived", c.Waived)
		}
		fmt.Fprintf(bw, "%-5s  %-5s  %-*s  %s\n", c.ID, strings.ToUpper(string(c.Status)), titleWidth, c.Title, counts)
		for _, f := range findingsByControl[c.ID] {
			fmt.Fprintf(bw, "       %-8s  %-*s  %s  [%s]\n", f.Severity, resWidth, termsafe.String(f.Resource), termsafe.String(f.Message), termsafe.String(f.Policy))
			writeWaiver(bw, f)
		}
		if c.Status == engine.StatusError {
			fmt.Fprintf(bw, "       error: %s\n", termsafe.String(c.Reason))
		}
	}
	if len(noFacts) > 0 {
		fmt.Fprintf(bw, "\nNot assessed, nothing in the input a policy could decide it by:\n")
		for _, c := range noFacts {
			fmt.Fprintf(bw, "%-5s  %s: %s\n", c.ID, c.Title, c.Reason)
		}
	}
	if noPolicy > 0 {
		fmt.Fprintf(bw, "\nNot assessed, no policy yet: %d controls (see `annexa controls`)\n", noPolicy)
	}
	if len(excluded) > 0 {
		fmt.Fprintf(bw, "\nNot applicable, excluded in the Statement of Applicability:\n")
		for _, c := range excluded {
			fmt.Fprintf(bw, "%-5s  %s: %s\n", c.ID, c.Title, c.Reason)
		}
	}
	writeClauses(bw, r)
	var clauseFindings []engine.Finding
	for _, f := range r.Findings {
		if len(f.Controls) == 0 {
			clauseFindings = append(clauseFindings, f)
		}
	}
	if len(clauseFindings) > 0 {
		fmt.Fprintf(bw, "\nFindings against the management system:\n")
		w := 0
		for _, f := range clauseFindings {
			w = max(w, len(f.Resource))
		}
		for _, f := range clauseFindings {
			fmt.Fprintf(bw, "       %-8s  %-*s  %s  [%s; clauses %s]\n", f.Severity, w, termsafe.String(f.Resource), termsafe.String(f.Message), termsafe.String(f.Policy), strings.Join(f.Clauses, ", "))
			writeWaiver(bw, f)
		}
	}

	fmt.Fprintln(bw)
	for _, theme := range themes(r) {
		n := r.Summary.ByTheme[theme]
		total := 0
		for _, st := range engine.Statuses {
			total += n[st]
		}
		fmt.Fprintf(bw, "%-14s %s\n", theme, statusCounts(total, n))
	}
	fmt.Fprintf(bw, "%-14s %s\n", "total", statusCounts(r.Summary.Controls, r.Summary.ByStatus))
	fmt.Fprintf(bw, "%d findings: %d critical, %d high, %d medium, %d low\n",
		r.Summary.Findings, r.Summary.BySeverity[engine.SeverityCritical], r.Summary.BySeverity[engine.SeverityHigh],
		r.Summary.BySeverity[engine.SeverityMedium], r.Summary.BySeverity[engine.SeverityLow])
	c := r.Summary.Clauses
	fmt.Fprintf(bw, "clauses: %d requirements of clauses 4-10: %d conformant, %d partial, %d nonconformant, %d not assessed",
		c[engine.ClauseConformant]+c[engine.ClausePartial]+c[engine.ClauseNonconformant]+c[engine.ClauseNotAssessed]+c[engine.ClauseError],
		c[engine.ClauseConformant], c[engine.ClausePartial], c[engine.ClauseNonconformant], c[engine.ClauseNotAssessed])
	if c[engine.ClauseError] > 0 {
		fmt.Fprintf(bw, ", %d error", c[engine.ClauseError])
	}
	fmt.Fprintf(bw, "\n%s\n", riskLine(r))
	if r.Summary.Waived > 0 {
		fmt.Fprintf(bw, "waived: %d finding(s), kept above and counted as open in effectiveness, risk and clauses\n", r.Summary.Waived)
	}
	for _, w := range r.Waivers {
		if w.Status == waiver.StatusExpired {
			fmt.Fprintf(bw, "EXPIRED waiver %s (expires %s): its %d finding(s) are open\n", termsafe.String(w.Where()), termsafe.String(w.Expires), w.Findings)
		}
	}
	if b := r.Baseline; b != nil {
		for _, f := range b.Fixed {
			fmt.Fprintf(bw, "fixed since the baseline: %s  %s  %s  [%s]\n", f.Severity, termsafe.String(f.Resource), termsafe.String(f.Message), termsafe.String(f.Policy))
		}
	}
	if t.Gate != nil {
		fmt.Fprintln(bw, termsafe.String(t.Gate.Decide(r).Summary(*t.Gate)))
	}
	return bw.Flush()
}

// writeWaiver marks a waived finding, under its line, with its waiver.
func writeWaiver(bw *bufio.Writer, f engine.Finding) {
	if w := f.Waiver; w != nil {
		fmt.Fprintf(bw, "       %-8s  until %s, approved by %s: %s (%s)\n", "WAIVED", termsafe.String(w.Expires), termsafe.String(w.ApprovedBy), termsafe.String(w.Reason), termsafe.String(w.Where()))
	}
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

// writeClauses prints the conformance of every clause that was assessed,
// indented by level, with the gaps of each partial or nonconformant
// requirement, then the ids of the requirements nothing could assess.
func writeClauses(w io.Writer, r *engine.Report) {
	if len(r.Clauses) == 0 {
		return
	}
	fmt.Fprintf(w, "\nISO/IEC 27001 clauses 4-10:\n")
	var notAssessed []string
	for _, c := range r.Clauses {
		if c.Status == engine.ClauseNotAssessed {
			if c.Rule != "" {
				notAssessed = append(notAssessed, c.ID)
			}
			continue
		}
		indent := strings.Repeat("  ", c.Level-1)
		fmt.Fprintf(w, "%-8s %-14s %s%s\n", c.ID, strings.ToUpper(string(c.Status)), indent, c.Title)
		if c.Rule == "" || c.Status == engine.ClauseConformant {
			continue
		}
		for _, reason := range c.Reasons {
			fmt.Fprintf(w, "%-8s %-14s %s  - %s\n", "", "", indent, reason)
		}
	}
	if len(notAssessed) > 0 {
		fmt.Fprintf(w, "not assessed, nothing to judge them by (declare evidence, a risk register, an applicability file): %s\n", strings.Join(notAssessed, ", "))
	}
}

func statusCounts(total int, n map[engine.Status]int) string {
	s := fmt.Sprintf("%2d controls: %d pass, %d fail, %d not assessed", total, n[engine.StatusPass], n[engine.StatusFail], n[engine.StatusNotAssessed])
	if n[engine.StatusWaived] > 0 {
		s += fmt.Sprintf(", %d waived", n[engine.StatusWaived])
	}
	if n[engine.StatusNotApplicable] > 0 {
		s += fmt.Sprintf(", %d not applicable", n[engine.StatusNotApplicable])
	}
	if n[engine.StatusError] > 0 {
		s += fmt.Sprintf(", %d error", n[engine.StatusError])
	}
	return s
}

// writeDiagnostics says, under the heading line, what the run's warnings
// about its inputs mean for the table: the run's own warnings (nothing to
// judge) in full, since they change how every line below reads, and how
// many the providers gave (each is on stderr and in the JSON report).
func writeDiagnostics(bw *bufio.Writer, r *engine.Report) {
	others := 0
	for _, d := range r.Diagnostics {
		if d.Source == "annexa" {
			fmt.Fprintf(bw, "WARNING: %s\n", d.Summary)
			continue
		}
		others++
	}
	if others > 0 {
		fmt.Fprintf(bw, "%d warning(s) about the inputs: see stderr, or diagnostics in --format json\n", others)
	}
}
