package output

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/waiver"
	"github.com/annexa-dev/annexa/internal/termsafe"
)

// Table writes a human summary. By default it is compact: one line per
// finding with where it is (file:line), most severe first, each listed
// once with the Annex A controls (A.8.24) or clauses it is against, a
// waived one marked with its waiver; the controls that fail, are waived or
// could not be evaluated; the clauses that are not conformant, with their
// gaps; then the totals, the waivers and the baseline and, when Gate is
// set, why the exit code is what it is. Verbose adds every control with its status
// and why each not assessed one is, and every clause; Quiet keeps only the
// findings, the totals and the exit line. The findings below the report's
// --severity (Selection.Severity) are counted but not listed.
type Table struct {
	Verbose, Quiet bool
	// Gate, when set, is the gate the run's exit code follows (--fail-on,
	// waivers, --baseline); the table's last line gives its decision and
	// why.
	Gate *engine.Gate
	// Locate says where each finding is; nil uses the fact's source.
	Locate Locator
}

// controlID writes an Annex A control id so that it cannot be read as a
// clause number: 8.2 is clause 8.2 of ISO/IEC 27001, A.8.2 the control.
func controlID(id string) string { return "A." + id }

// Write implements Writer.
func (t Table) Write(w io.Writer, r *engine.Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "annexa %s (OPA %s), effective %s: %d facts, %d policies\n",
		r.Tool.Version, r.Tool.OPAVersion, r.EffectiveTime.Format("2006-01-02T15:04:05Z07:00"), r.Summary.Facts, r.Summary.Policies)
	writeDiagnostics(bw, r)
	writeSelection(bw, r.Selection)
	t.writeFindings(bw, r)
	if !t.Quiet {
		t.writeControls(bw, r)
		writeClauses(bw, r, t.Verbose)
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
		fmt.Fprintln(bw, termsafe.String(ExitLine(r, *t.Gate)))
	}
	return bw.Flush()
}

// ExitLine says what exit code the gate gives the run and why, as the
// table's last line: "exit 1: FAIL on findings at or above high: 3
// gating, 2 below the threshold". A control or clause that failed to
// evaluate makes it exit 2 whatever the findings.
func ExitLine(r *engine.Report, g engine.Gate) string {
	if err := r.EvaluationError(); err != nil {
		return fmt.Sprintf("exit 2: %v", err)
	}
	v := g.Decide(r)
	code := 0
	if v.Failed {
		code = 1
	}
	return fmt.Sprintf("exit %d: %s", code, strings.TrimPrefix(v.Summary(g), "gate: "))
}

// writeWaiver marks a waived finding, under its line, with its waiver.
func writeWaiver(w io.Writer, f engine.Finding) {
	if wv := f.Waiver; wv != nil {
		fmt.Fprintf(w, "%-8s  until %s, approved by %s: %s (%s)\n", "  WAIVED", termsafe.String(wv.Expires), termsafe.String(wv.ApprovedBy), termsafe.String(wv.Reason), termsafe.String(wv.Where()))
	}
}

// writeSelection says what the run left out, when it left anything out,
// since every line below reads differently then.
func writeSelection(w io.Writer, s *engine.Selection) {
	if s.Empty() {
		return
	}
	fmt.Fprintf(w, "selection: %s\n", SelectionText(s))
}

// SelectionText renders a run's selection as the flags that made it.
func SelectionText(s *engine.Selection) string {
	var parts []string
	for _, f := range []struct {
		flag string
		pats []string
	}{
		{"--control", s.Controls}, {"--skip-control", s.SkipControls}, {"--policy-id", s.Policies},
		{"--skip-policy", s.SkipPolicies}, {"--exclude", s.Exclude},
	} {
		if len(f.pats) > 0 {
			parts = append(parts, f.flag+" "+strings.Join(f.pats, ","))
		}
	}
	if s.Severity != "" {
		parts = append(parts, "--severity "+string(s.Severity))
	}
	return termsafe.String(strings.Join(parts, " "))
}

// shownFindings are the report's findings at or above its --severity,
// most severe first, then by location, resource and policy.
func shownFindings(r *engine.Report, locate Locator) ([]engine.Finding, []Location) {
	type located struct {
		f   engine.Finding
		loc Location
	}
	var all []located
	for _, f := range r.Findings {
		if r.Selection.Shows(f.Severity) {
			all = append(all, located{f, locate.locate(f)})
		}
	}
	slices.SortStableFunc(all, func(a, b located) int {
		return cmp.Or(
			cmp.Compare(b.f.Severity.Rank(), a.f.Severity.Rank()),
			cmp.Compare(a.loc.File, b.loc.File),
			cmp.Compare(a.loc.Line, b.loc.Line),
			cmp.Compare(a.f.Resource, b.f.Resource),
			cmp.Compare(a.f.Policy, b.f.Policy),
		)
	})
	fs, locs := make([]engine.Finding, len(all)), make([]Location, len(all))
	for i, l := range all {
		fs[i], locs[i] = l.f, l.loc
	}
	return fs, locs
}

// writeFindings lists every finding shown once: severity, where, the
// resource, the message, and the policy with what it is against.
func (t Table) writeFindings(w io.Writer, r *engine.Report) {
	fs, locs := shownFindings(r, t.Locate)
	hidden := len(r.Findings) - len(fs)
	if len(fs) == 0 && hidden == 0 {
		return
	}
	fmt.Fprintf(w, "\nFindings:\n")
	locWidth, resWidth := 0, 0
	for i, f := range fs {
		locWidth = max(locWidth, len(termsafe.String(locs[i].String())))
		resWidth = max(resWidth, len(termsafe.String(f.Resource)))
	}
	fs, locs, also := collapseSources(fs, locs)
	for i, f := range fs {
		var against []string
		for _, c := range f.Controls {
			against = append(against, controlID(c))
		}
		if len(f.Clauses) > 0 {
			against = append(against, "clauses "+strings.Join(f.Clauses, ", "))
		}
		loc := locs[i].String()
		if loc == "" {
			loc = "-"
		}
		var more string
		if also[i] > 0 {
			more = fmt.Sprintf(" (and from %d other source(s))", also[i])
		}
		fmt.Fprintf(w, "%-8s  %-*s  %-*s  %s  [%s; %s]%s\n", f.Severity, locWidth, termsafe.String(loc), resWidth, termsafe.String(f.Resource),
			termsafe.String(f.Message), termsafe.String(f.Policy), strings.Join(against, ", "), more)
		writeWaiver(w, f)
	}
	if hidden > 0 {
		fmt.Fprintf(w, "%d finding(s) below %s not listed (--severity %s)\n", hidden, r.Selection.Severity, r.Selection.Severity)
	}
}

// writeControls lists the controls: by default those that fail or could
// not be evaluated, and how many pass or are not assessed; verbose, every
// control and why each not assessed one is.
func (t Table) writeControls(w io.Writer, r *engine.Report) {
	titleWidth := 0
	var listed, noFacts, excluded, deselected []engine.ControlResult
	pass, noPolicy := 0, 0
	for _, c := range r.Controls {
		switch {
		case c.Status == engine.StatusNotApplicable:
			excluded = append(excluded, c)
		case c.Status == engine.StatusFail || c.Status == engine.StatusWaived || c.Status == engine.StatusError:
			listed = append(listed, c)
		case c.Status == engine.StatusPass:
			pass++
			if t.Verbose {
				listed = append(listed, c)
			}
		case c.LeftOutBySelection():
			deselected = append(deselected, c)
		case len(c.Policies) > 0:
			noFacts = append(noFacts, c)
		default:
			noPolicy++
		}
	}
	for _, c := range listed {
		titleWidth = max(titleWidth, len(c.Title))
	}
	if len(listed) > 0 {
		if t.Verbose {
			fmt.Fprintf(w, "\nAnnex A controls assessed:\n")
		} else {
			fmt.Fprintf(w, "\nAnnex A controls that fail or are waived:\n")
		}
	}
	for _, c := range listed {
		counts := fmt.Sprintf("%d assessed", c.Assessed)
		if c.Status == engine.StatusFail || c.Status == engine.StatusWaived {
			counts += fmt.Sprintf(", %d failed, %d findings", c.Failed, c.Findings)
		}
		if c.Waived > 0 {
			counts += fmt.Sprintf(", %d waived", c.Waived)
		}
		fmt.Fprintf(w, "%-7s  %-6s  %-*s  %s\n", controlID(c.ID), strings.ToUpper(string(c.Status)), titleWidth, c.Title, counts)
		if c.Status == engine.StatusError {
			fmt.Fprintf(w, "         error: %s\n", termsafe.String(c.Reason))
		}
	}
	if !t.Verbose {
		if len(listed) == 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%d controls pass, %d not assessed, %d not applicable (--verbose lists them, with the reasons)\n",
			pass, len(noFacts)+noPolicy+len(deselected), len(excluded))
		return
	}
	if len(noFacts) > 0 {
		fmt.Fprintf(w, "\nNot assessed, nothing in the input a policy could decide it by:\n")
		for _, c := range noFacts {
			fmt.Fprintf(w, "%-7s  %s: %s\n", controlID(c.ID), c.Title, c.Reason)
		}
	}
	if len(deselected) > 0 {
		fmt.Fprintf(w, "\nNot assessed, left out by the selection: %d controls\n", len(deselected))
	}
	if noPolicy > 0 {
		fmt.Fprintf(w, "\nNot assessed, no policy yet: %d controls (see `annexa controls`)\n", noPolicy)
	}
	if len(excluded) > 0 {
		fmt.Fprintf(w, "\nNot applicable, excluded in the Statement of Applicability:\n")
		for _, c := range excluded {
			fmt.Fprintf(w, "%-7s  %s: %s\n", controlID(c.ID), c.Title, c.Reason)
		}
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

// writeClauses prints the conformance of the clauses: verbose, every
// clause that was assessed, indented by level, then the ids of the
// requirements nothing could assess; else only the requirements that are
// partial, nonconformant or in error. Each such requirement comes with
// its gaps.
func writeClauses(w io.Writer, r *engine.Report, verbose bool) {
	if len(r.Clauses) == 0 {
		return
	}
	var shown, notAssessed []engine.ClauseResult
	for _, c := range r.Clauses {
		switch {
		case c.Status == engine.ClauseNotAssessed:
			if c.Rule != "" {
				notAssessed = append(notAssessed, c)
			}
		case verbose, c.Rule != "" && c.Status != engine.ClauseConformant:
			shown = append(shown, c)
		}
	}
	if verbose {
		fmt.Fprintf(w, "\nISO/IEC 27001 clauses 4-10:\n")
	} else if len(shown) > 0 {
		fmt.Fprintf(w, "\nISO/IEC 27001 clauses 4-10 not conformant:\n")
	}
	for _, c := range shown {
		indent := ""
		if verbose {
			indent = strings.Repeat("  ", c.Level-1)
		}
		fmt.Fprintf(w, "%-8s %-14s %s%s\n", c.ID, strings.ToUpper(string(c.Status)), indent, c.Title)
		if c.Rule == "" || c.Status == engine.ClauseConformant {
			continue
		}
		for _, reason := range c.Reasons {
			fmt.Fprintf(w, "%-8s %-14s %s  - %s\n", "", "", indent, reason)
		}
	}
	if len(notAssessed) > 0 && verbose {
		ids := make([]string, len(notAssessed))
		for i, c := range notAssessed {
			ids[i] = c.ID
		}
		fmt.Fprintf(w, "not assessed, nothing to judge them by (declare evidence, a risk register, an applicability file): %s\n", strings.Join(ids, ", "))
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

// collapseSources lists once the findings that several sources give about
// the same resource at the same place: a plan given with its own .tf
// source judges each resource twice, and both findings locate at the same
// block. The first is kept; also counts the others. Findings without a
// location, or waived differently, are never merged.
func collapseSources(fs []engine.Finding, locs []Location) ([]engine.Finding, []Location, []int) {
	type key struct {
		loc                              Location
		severity                         engine.Severity
		policy, message, address, waiver string
	}
	first := make(map[key]int, len(fs))
	var outF []engine.Finding
	var outL []Location
	var also []int
	for i, f := range fs {
		if locs[i].File == "" {
			outF, outL, also = append(outF, f), append(outL, locs[i]), append(also, 0)
			continue
		}
		k := key{locs[i], f.Severity, f.Policy, f.Message, resourceAddress(f.Resource), waiverKey(f)}
		if j, ok := first[k]; ok {
			also[j]++
			continue
		}
		first[k] = len(outF)
		outF, outL, also = append(outF, f), append(outL, locs[i]), append(also, 0)
	}
	return outF, outL, also
}

// resourceAddress is a finding's resource without the source prefix
// ("file//") that a run of several sources gives it.
func resourceAddress(resource string) string {
	if _, addr, ok := strings.Cut(resource, "//"); ok {
		return addr
	}
	return resource
}

// waiverKey tells waived findings apart by their waiver.
func waiverKey(f engine.Finding) string {
	if f.Waiver == nil {
		return ""
	}
	return f.Waiver.Reason + "\x00" + f.Waiver.Expires
}
