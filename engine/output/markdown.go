package output

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/engine"
)

// MarkdownLimit is the size the Markdown report stays under by default: a
// GitHub pull-request comment holds at most 65,536 characters, and a byte
// count is never below the character count.
const MarkdownLimit = 65000

// maxMarkdownRows bounds the findings one control's details list, so one
// noisy control does not crowd the others out.
const maxMarkdownRows = 50

// Markdown writes the report for a pull-request comment or a GitHub job
// summary ($GITHUB_STEP_SUMMARY): totals, the failing controls first, then
// collapsible details of each (its findings at file:line), the clauses,
// the risks, the waived findings and the other controls. It stays under
// Limit bytes (MarkdownLimit when 0): what does not fit is cut, whole
// sections at a time, and a closing line counts what was cut.
type Markdown struct {
	Limit   int
	waivers waiverLookup
}

// mdBlock is a part of the Markdown report that can be cut as a whole,
// with what cutting it leaves out.
type mdBlock struct {
	text     string
	findings int
	controls int
	// truncated counts the findings the block itself does not list
	// (beyond maxMarkdownRows).
	truncated int
}

// Write implements Writer.
func (m Markdown) Write(w io.Writer, r *engine.Report) error {
	limit := m.Limit
	if limit <= 0 {
		limit = MarkdownLimit
	}
	var head strings.Builder
	mdHeader(&head, r)
	attention, others := splitControls(r.Controls)
	mdAttentionTable(&head, attention, r)

	byControl := findingsByControl(r.Findings)
	var blocks []mdBlock
	for _, c := range attention {
		if fs := byControl[c.ID]; len(fs) > 0 || c.Reason != "" {
			blocks = append(blocks, mdControlDetails(c, fs, m.waivers))
		}
	}
	if b, ok := mdClauseFindings(r, m.waivers); ok {
		blocks = append(blocks, b)
	}
	if b, ok := mdClauses(r); ok {
		blocks = append(blocks, b)
	}
	if b, ok := mdRisks(r); ok {
		blocks = append(blocks, b)
	}
	if b, ok := mdWaivers(r, m.waivers); ok {
		blocks = append(blocks, b)
	}
	if b, ok := mdOthers(others); ok {
		blocks = append(blocks, b)
	}
	if b, ok := mdDiagnostics(r); ok {
		blocks = append(blocks, b)
	}

	out := head.String()
	// Room for the closing line about what was cut.
	const reserve = 400
	cutFindings, cutControls, cutSections := 0, 0, 0
	// Blocks are kept in order until one does not fit; the rest are cut,
	// so the report never skips a section to show a later one.
	for _, b := range blocks {
		if cutSections == 0 && len(out)+len(b.text)+reserve <= limit {
			out += b.text
			continue
		}
		cutSections++
		cutFindings += b.findings
		cutControls += b.controls
	}
	truncated := 0
	for _, b := range blocks {
		truncated += b.truncated
	}
	if cutSections > 0 || truncated > 0 {
		out += fmt.Sprintf("\n> [!NOTE]\n> Cut to stay under %d characters: %s. The json, html and sarif formats of the same run have everything.\n",
			limit, cutSummary(cutSections, cutFindings+truncated, cutControls))
	}
	if len(out) > limit {
		// The head alone is over the limit: only possible with a tiny
		// Limit. Keep whole lines.
		out = out[:strings.LastIndex(out[:limit], "\n")+1]
	}
	_, err := io.WriteString(w, out)
	return err
}

// cutSummary says what the Markdown report left out.
func cutSummary(sections, findings, controls int) string {
	var parts []string
	if findings > 0 {
		parts = append(parts, plural(findings, "finding", "findings")+" not listed")
	}
	if controls > 0 {
		parts = append(parts, plural(controls, "control", "controls")+" without details")
	}
	if sections > 0 {
		parts = append(parts, plural(sections, "section", "sections")+" left out")
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// mdHeader writes the title, the verdict and the totals by theme.
func mdHeader(b *strings.Builder, r *engine.Report) {
	s := r.Summary
	fmt.Fprintf(b, "## annexa: ISO/IEC 27001:2022 Annex A\n\n")
	failing := s.ByStatus[engine.StatusFail]
	verdict := "No control fails"
	if failing > 0 {
		verdict = fmt.Sprintf("%d of %d controls fail", failing, s.Controls)
	}
	fmt.Fprintf(b, "**%s**, %s%s. annexa %s (OPA %s), effective %s: %d facts, %d policies.\n\n",
		verdict, plural(s.Findings, "finding", "findings"), severityTotals(s.BySeverity), mdText(r.Tool.Version), mdText(r.Tool.OPAVersion),
		r.EffectiveTime.UTC().Format(time.RFC3339), s.Facts, s.Policies)
	statuses := reportStatuses(r)
	fmt.Fprintf(b, "| theme |")
	for _, st := range statuses {
		fmt.Fprintf(b, " %s |", mdText(statusLabel(string(st))))
	}
	fmt.Fprintf(b, "\n|---|")
	for range statuses {
		fmt.Fprintf(b, "---:|")
	}
	fmt.Fprintln(b)
	for _, theme := range engine.Themes() {
		fmt.Fprintf(b, "| %s |", theme)
		for _, st := range statuses {
			fmt.Fprintf(b, " %d |", s.ByTheme[theme][st])
		}
		fmt.Fprintln(b)
	}
	fmt.Fprintf(b, "| **all** |")
	for _, st := range statuses {
		fmt.Fprintf(b, " **%d** |", s.ByStatus[st])
	}
	fmt.Fprintln(b)
}

// severityTotals is " (2 high, 1 low)", or "" without findings.
func severityTotals(by map[engine.Severity]int) string {
	var parts []string
	for _, sev := range []engine.Severity{engine.SeverityCritical, engine.SeverityHigh, engine.SeverityMedium, engine.SeverityLow} {
		if n := by[sev]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, sev))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// reportStatuses lists the control statuses of a report: the known ones
// in their order, then any other (a status a newer engine adds) by name.
func reportStatuses(r *engine.Report) []engine.Status {
	out := slices.Clone(engine.Statuses)
	var extra []engine.Status
	for _, c := range r.Controls {
		if !slices.Contains(out, c.Status) && !slices.Contains(extra, c.Status) {
			extra = append(extra, c.Status)
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}

// needsAttention reports whether a control's status asks someone to act
// or look: every status but pass, not applicable and not assessed.
func needsAttention(s engine.Status) bool {
	switch s {
	case engine.StatusPass, engine.StatusNotApplicable, engine.StatusNotAssessed:
		return false
	}
	return true
}

// statusRank orders controls that need attention: failing, then errors,
// then any other status (such as waived).
func statusRank(s engine.Status) int {
	switch s {
	case engine.StatusFail:
		return 0
	case engine.StatusError:
		return 1
	}
	return 2
}

// splitControls returns the controls that need attention, failing first
// and then by the worst finding, and the others in catalog order.
func splitControls(controls []engine.ControlResult) (attention, others []engine.ControlResult) {
	for _, c := range controls {
		if needsAttention(c.Status) {
			attention = append(attention, c)
		} else {
			others = append(others, c)
		}
	}
	slices.SortStableFunc(attention, func(a, b engine.ControlResult) int {
		return statusRank(a.Status) - statusRank(b.Status)
	})
	return attention, others
}

// findingsByControl groups findings by the controls they are against.
func findingsByControl(findings []engine.Finding) map[string][]engine.Finding {
	out := map[string][]engine.Finding{}
	for _, f := range findings {
		for _, c := range f.Controls {
			out[c] = append(out[c], f)
		}
	}
	return out
}

// worstSeverity is the highest severity among findings, "" for none.
func worstSeverity(fs []engine.Finding) engine.Severity {
	var worst engine.Severity
	for _, f := range fs {
		if f.Severity.Rank() > worst.Rank() {
			worst = f.Severity
		}
	}
	return worst
}

func mdAttentionTable(b *strings.Builder, attention []engine.ControlResult, r *engine.Report) {
	if len(attention) == 0 {
		fmt.Fprintf(b, "\nNo control fails or needs attention.\n")
		return
	}
	byControl := findingsByControl(r.Findings)
	fmt.Fprintf(b, "\n### Controls that fail or need attention\n\n")
	fmt.Fprintln(b, "| control | theme | status | findings | worst |")
	fmt.Fprintln(b, "|---|---|---|---:|---|")
	for _, c := range attention {
		fs := byControl[c.ID]
		fmt.Fprintf(b, "| %s %s | %s | %s | %d | %s |\n", c.ID, mdText(c.Title), c.Theme, mdText(statusLabel(string(c.Status))), len(fs), worstSeverity(fs))
	}
}

// mdFindingRows writes the table of findings, at most maxMarkdownRows.
func mdFindingRows(b *strings.Builder, fs []engine.Finding, waivers waiverLookup) {
	fmt.Fprintln(b, "| severity | policy | resource | location | message |")
	fmt.Fprintln(b, "|---|---|---|---|---|")
	for i, f := range fs {
		if i == maxMarkdownRows {
			more := "findings"
			if len(fs)-i == 1 {
				more = "finding"
			}
			fmt.Fprintf(b, "\n_and %d more %s_\n", len(fs)-i, more)
			break
		}
		msg := mdText(f.Message)
		if _, waived := waivers.of(f); waived {
			msg = "**waived** " + msg
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", f.Severity, mdCode(f.Policy), mdCode(f.Resource), mdLocation(f), msg)
	}
}

func mdControlDetails(c engine.ControlResult, fs []engine.Finding, waivers waiverLookup) mdBlock {
	var b strings.Builder
	fmt.Fprintf(&b, "\n<details><summary>%s %s: %s, %s</summary>\n\n", c.ID, htmlText(c.Title), htmlText(statusLabel(string(c.Status))), plural(len(fs), "finding", "findings"))
	if c.Reason != "" {
		fmt.Fprintf(&b, "%s\n\n", mdText(c.Reason))
	}
	if len(fs) > 0 {
		mdFindingRows(&b, fs, waivers)
	}
	fmt.Fprintf(&b, "\n</details>\n")
	return mdBlock{text: b.String(), findings: min(len(fs), maxMarkdownRows), controls: 1, truncated: max(len(fs)-maxMarkdownRows, 0)}
}

// mdClauseFindings lists the findings against clauses rather than controls
// (a residual risk above the appetite without acceptance).
func mdClauseFindings(r *engine.Report, waivers waiverLookup) (mdBlock, bool) {
	var fs []engine.Finding
	for _, f := range r.Findings {
		if len(f.Controls) == 0 {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		return mdBlock{}, false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n<details><summary>Findings against clauses: %s</summary>\n\n", plural(len(fs), "finding", "findings"))
	mdFindingRows(&b, fs, waivers)
	fmt.Fprintf(&b, "\n</details>\n")
	return mdBlock{text: b.String(), findings: min(len(fs), maxMarkdownRows), truncated: max(len(fs)-maxMarkdownRows, 0)}, true
}

func mdClauses(r *engine.Report) (mdBlock, bool) {
	if len(r.Clauses) == 0 {
		return mdBlock{}, false
	}
	var counts []string
	for _, st := range []engine.ClauseStatus{engine.ClauseConformant, engine.ClausePartial, engine.ClauseNonconformant, engine.ClauseNotAssessed, engine.ClauseError} {
		if n := r.Summary.Clauses[st]; n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, statusLabel(string(st))))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n<details><summary>Clauses 4 to 10: %s</summary>\n\n", htmlText(strings.Join(counts, ", ")))
	fmt.Fprintln(&b, "| clause | status | reasons |")
	fmt.Fprintln(&b, "|---|---|---|")
	for _, c := range r.Clauses {
		if c.Status == engine.ClauseConformant {
			continue
		}
		fmt.Fprintf(&b, "| %s %s | %s | %s |\n", c.ID, mdText(c.Title), mdText(statusLabel(string(c.Status))), mdText(strings.Join(c.Reasons, "; ")))
	}
	fmt.Fprintf(&b, "\nConformant clauses are not listed.\n\n</details>\n")
	return mdBlock{text: b.String()}, true
}

func mdRisks(r *engine.Report) (mdBlock, bool) {
	if r.Risks == nil {
		return mdBlock{}, false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n", htmlText(riskLine(r)))
	fmt.Fprintln(&b, "| risk | asset | inherent | residual | status |")
	fmt.Fprintln(&b, "|---|---|---|---|---|")
	for _, k := range r.Risks.Risks {
		fmt.Fprintf(&b, "| %s | %s | %d %s | %d %s | %s |\n", mdText(k.ID), mdText(k.Asset), k.Inherent, k.InherentBand, k.Residual, k.ResidualBand, mdText(riskStatus(k, r.Risks.Appetite)))
	}
	fmt.Fprintf(&b, "\n</details>\n")
	return mdBlock{text: b.String()}, true
}

func mdWaivers(r *engine.Report, waivers waiverLookup) (mdBlock, bool) {
	var b strings.Builder
	n := 0
	for _, f := range r.Findings {
		fields, waived := waivers.of(f)
		if !waived {
			continue
		}
		if n == 0 {
			fmt.Fprintln(&b, "| policy | resource | location | waiver |")
			fmt.Fprintln(&b, "|---|---|---|---|")
		}
		n++
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdCode(f.Policy), mdCode(f.Resource), mdLocation(f), mdText(waiverText(fields)))
	}
	if n == 0 {
		return mdBlock{}, false
	}
	text := fmt.Sprintf("\n<details><summary>Waived findings: %d</summary>\n\n%s\n</details>\n", n, b.String())
	return mdBlock{text: text, findings: n}, true
}

func mdOthers(others []engine.ControlResult) (mdBlock, bool) {
	if len(others) == 0 {
		return mdBlock{}, false
	}
	count := map[engine.Status]int{}
	for _, c := range others {
		count[c.Status]++
	}
	var parts []string
	for _, st := range []engine.Status{engine.StatusPass, engine.StatusNotAssessed, engine.StatusNotApplicable} {
		if count[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[st], statusLabel(string(st))))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n<details><summary>Other controls: %s</summary>\n\n", strings.Join(parts, ", "))
	fmt.Fprintln(&b, "| control | theme | status | assessed | note |")
	fmt.Fprintln(&b, "|---|---|---|---:|---|")
	for _, c := range others {
		fmt.Fprintf(&b, "| %s %s | %s | %s | %d | %s |\n", c.ID, mdText(c.Title), c.Theme, mdText(statusLabel(string(c.Status))), c.Assessed, mdText(c.Reason))
	}
	fmt.Fprintf(&b, "\n</details>\n")
	return mdBlock{text: b.String(), controls: len(others)}, true
}

func mdDiagnostics(r *engine.Report) (mdBlock, bool) {
	if len(r.Diagnostics) == 0 {
		return mdBlock{}, false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n<details><summary>Input warnings: %d</summary>\n\n", len(r.Diagnostics))
	for _, d := range r.Diagnostics {
		fmt.Fprintf(&b, "- %s\n", mdText(d.String()))
	}
	fmt.Fprintf(&b, "\n</details>\n")
	return mdBlock{text: b.String()}, true
}

// mdLocation is a finding's file:line as code, or "" when it has no file.
func mdLocation(f engine.Finding) string {
	if loc := location(f); loc != "" {
		return mdCode(loc)
	}
	return ""
}

// mdText makes text safe in Markdown that GitHub renders: inside a table
// cell and without HTML of its own.
func mdText(s string) string { return mdCell(htmlText(s)) }

// htmlText escapes the characters HTML gives meaning to.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
