package output

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/engine"
)

// SoAFormats lists the formats of the Statement of Applicability.
func SoAFormats() []string { return soaWriters().names() }

// Formats of the SoA and risk outputs: csv only they have; markdown is
// also a format of the whole report (Markdown).
const (
	FormatMarkdown = "markdown"
	FormatCSV      = "csv"
)

// NewSoA returns the writer of the Statement of Applicability in format.
func NewSoA(format string) (Writer, error) { return soaWriters().get(format) }

func soaWriters() writerTable {
	return writerTable{{FormatMarkdown, SoAMarkdown{}}, {FormatJSON, SoAJSON{}}, {FormatCSV, SoACSV{}}}
}

// SoAJSON writes the Statement of Applicability as JSON: the soa section
// of the report with the run's tool and effective time.
type SoAJSON struct{}

// Write implements Writer.
func (SoAJSON) Write(w io.Writer, r *engine.Report) error {
	return encodeJSON(w, struct {
		Tool          engine.Tool `json:"tool"`
		EffectiveTime time.Time   `json:"effective_time"`
		*engine.SoA
	}{r.Tool, r.EffectiveTime, r.SoA})
}

// soaColumns are the CSV columns, one row per control.
var soaColumns = []string{"control", "title", "theme", "applicable", "justification", "status", "effectiveness", "policies", "evidence", "findings", "last_evaluated"}

// SoACSV writes the Statement of Applicability as CSV (RFC 4180): one row
// per control, lists joined by "; ".
type SoACSV struct{}

// Write implements Writer.
func (SoACSV) Write(w io.Writer, r *engine.Report) error {
	rows := make([][]string, 0, len(r.SoA.Controls))
	for _, e := range r.SoA.Controls {
		findings := make([]string, len(e.Findings))
		for i, f := range e.Findings {
			findings[i] = fmt.Sprintf("%s %s %s", f.Severity, f.Policy, f.Resource)
		}
		row := []string{
			e.ID, e.Title, e.Theme, yesNo(e.Applicable), e.Justification, string(e.Status),
			strconv.FormatFloat(e.Effectiveness, 'f', 3, 64),
			strings.Join(e.Policies, "; "), strings.Join(e.Evidence, "; "), strings.Join(findings, "; "),
			e.LastEvaluated.UTC().Format(time.RFC3339),
		}
		rows = append(rows, row)
	}
	return writeCSV(w, soaColumns, rows)
}

// writeCSV writes a header and rows as CSV (RFC 4180).
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// maxEvidenceShown bounds the evidence ids a Markdown cell lists; the JSON
// and CSV list them all.
const maxEvidenceShown = 5

// SoAMarkdown writes the Statement of Applicability as a Markdown document
// with a table per theme.
type SoAMarkdown struct{}

// Write implements Writer.
func (SoAMarkdown) Write(w io.Writer, r *engine.Report) error {
	bw := bufio.NewWriter(w)
	s := r.SoA
	fmt.Fprintf(bw, "# Statement of Applicability\n\n")
	source := "no applicability file: every control is treated as applicable"
	if s.File != "" {
		source = "applicability from " + mdCode(s.File)
	}
	excluded, stated := 0, 0
	for _, e := range s.Controls {
		if !e.Applicable {
			excluded++
		}
		if e.Justification != engine.NotStated {
			stated++
		}
	}
	fmt.Fprintf(bw, "Evaluated by annexa %s as of %s; %s. %d controls: %d applicable, %d excluded; %d justified.\n",
		r.Tool.Version, r.EffectiveTime.UTC().Format(time.RFC3339), source, len(s.Controls), len(s.Controls)-excluded, excluded, stated)
	theme := ""
	for _, e := range s.Controls {
		if e.Theme != theme {
			theme = e.Theme
			fmt.Fprintf(bw, "\n## %s controls\n\n", strings.ToUpper(theme[:1])+theme[1:])
			fmt.Fprintln(bw, "| control | applicable | justification | status | evidence | findings |")
			fmt.Fprintln(bw, "|---|---|---|---|---|---|")
		}
		fmt.Fprintf(bw, "| %s %s | %s | %s | %s | %s | %s |\n",
			e.ID, mdCell(e.Title), yesNo(e.Applicable), mdCell(e.Justification), soaStatus(e.Status),
			mdCell(evidenceCell(e)), mdCell(findingsCell(e)))
	}
	if len(s.Warnings) > 0 {
		fmt.Fprintf(bw, "\n## Warnings\n\n")
		for _, w := range s.Warnings {
			fmt.Fprintf(bw, "- %s\n", mdCell(w))
		}
	}
	return bw.Flush()
}

func evidenceCell(e engine.SoAEntry) string {
	if len(e.Evidence) == 0 {
		return "none"
	}
	shown := e.Evidence[:min(len(e.Evidence), maxEvidenceShown)]
	out := strings.Join(shown, ", ")
	if n := len(e.Evidence) - len(shown); n > 0 {
		out += fmt.Sprintf(" and %d more", n)
	}
	return out
}

// soaStatus is a status as the SoA's reader says it: a waived control is
// implemented with accepted exceptions.
func soaStatus(s engine.Status) string {
	if s == engine.StatusWaived {
		return "implemented with accepted exceptions (waived)"
	}
	return strings.ReplaceAll(string(s), "_", " ")
}

func findingsCell(e engine.SoAEntry) string {
	if len(e.Findings) == 0 {
		return ""
	}
	parts := make([]string, len(e.Findings))
	for i, f := range e.Findings {
		parts[i] = fmt.Sprintf("%s: %s", f.Severity, f.Resource)
		if f.Waived {
			parts[i] += " (waived)"
		}
	}
	return strings.Join(parts, "; ")
}

// mdCell makes text safe inside a Markdown table cell.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

func mdCode(s string) string { return "`" + strings.ReplaceAll(s, "`", "'") + "`" }
