// Package diag holds diagnostics: problems a run found in its inputs,
// reported as values rather than printed where they are found, in the
// spirit of hcl.Diagnostics. A warning travels into the report, SARIF and
// evidence bundles; an error stops the run with exit code 2.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Severity says whether a diagnostic stops the run.
type Severity string

// Severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic is one problem with an input. File, Line and Column locate it
// when known (1-based; 0 is unknown); Source names the provider or stage
// that reported it.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	Summary  string   `json:"summary"`
	Detail   string   `json:"detail,omitempty"`
	File     string   `json:"file,omitempty"`
	Line     int      `json:"line,omitempty"`
	Column   int      `json:"column,omitempty"`
	Source   string   `json:"source,omitempty"`
}

// String renders d as "file:line:col: summary; detail", the one form every
// diagnostic is printed in. Parts that are not known are left out.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Column > 0 {
				fmt.Fprintf(&b, ":%d", d.Column)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(d.Summary)
	if d.Detail != "" {
		b.WriteString("; ")
		b.WriteString(d.Detail)
	}
	return b.String()
}

// Diagnostics is a list of diagnostics; nil is an empty list.
type Diagnostics []Diagnostic

// Errorf returns a one-element list holding an error diagnostic without a
// location; use it for errors whose message already names the file.
func Errorf(format string, args ...any) Diagnostics {
	return Diagnostics{{Severity: Error, Summary: fmt.Sprintf(format, args...)}}
}

// FromError turns err into an error diagnostic reported by source. A nil
// err gives nil. The message is kept whole: providers' errors already name
// the file, line and field.
func FromError(err error, source string) Diagnostics {
	if err == nil {
		return nil
	}
	return Diagnostics{{Severity: Error, Summary: err.Error(), Source: source}}
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error })
}

// Errors returns the error diagnostics.
func (ds Diagnostics) Errors() Diagnostics {
	return ds.bySeverity(Error)
}

// Warnings returns the warning diagnostics.
func (ds Diagnostics) Warnings() Diagnostics {
	return ds.bySeverity(Warning)
}

func (ds Diagnostics) bySeverity(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders ds by file, line and column, keeping the order of
// diagnostics at the same place, and drops exact repeats, so that the same
// inputs always report the same list.
func (ds Diagnostics) Sort() Diagnostics {
	out := slices.Clone(ds)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
		)
	})
	return slices.Compact(out)
}

// maxShown bounds how many errors one error message lists.
const maxShown = 20

// Err returns the errors of ds as one error (nil when there are none): the
// first on the first line, the others indented below it, at most 20.
func (ds Diagnostics) Err() error {
	errs := ds.Errors()
	if len(errs) == 0 {
		return nil
	}
	lines := make([]string, 0, min(len(errs), maxShown))
	for _, d := range errs[:min(len(errs), maxShown)] {
		lines = append(lines, d.String())
	}
	msg := strings.Join(lines, "\n  ")
	if len(errs) > maxShown {
		msg += fmt.Sprintf("\n  (and %d more)", len(errs)-maxShown)
	}
	return errors.New(msg)
}

// AsError returns v with the errors of ds as one error, dropping the
// warnings: for callers that have no use for warnings, such as a test of
// the facts a provider collects.
func AsError[T any](v T, ds Diagnostics) (T, error) { return v, ds.Err() }

// MaxReported bounds the diagnostics a report keeps, and MaxTextBytes the
// summary and the detail of each: a hostile input (a plan of a million
// resources that each warn, a key of a megabyte quoted in a message) must
// not make a report, or the bundle recording it, grow without end.
const (
	MaxReported  = 10_000
	MaxTextBytes = 4 << 10
)

// Bounded returns the first MaxReported diagnostics of ds, with a last
// warning saying how many were left out, and with long texts cut.
func (ds Diagnostics) Bounded() Diagnostics {
	out := slices.Clone(ds)
	if n := len(out) - MaxReported; n > 0 {
		out = append(out[:MaxReported:MaxReported], Diagnostic{
			Severity: Warning, Source: "annexa",
			Summary: fmt.Sprintf("%d more diagnostics are not listed", n),
			Detail:  fmt.Sprintf("a report lists at most %d", MaxReported),
		})
	}
	for i := range out {
		out[i].Summary = Cut(out[i].Summary, MaxTextBytes)
		out[i].Detail = Cut(out[i].Detail, MaxTextBytes)
	}
	return out
}

// Cut cuts s to at most limit bytes at a character boundary, marking the
// cut, so that a text read from an input cannot grow a report without end.
func Cut(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	const mark = " … (cut)"
	end := limit - len(mark)
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + mark
}
