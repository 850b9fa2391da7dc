// Package output renders evaluation reports: one file per format, each
// behind the one-method Writer interface.
package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/annexa-dev/annexa/engine"
)

// Writer renders a report.
type Writer interface {
	Write(w io.Writer, r *engine.Report) error
}

// Format names.
const (
	FormatTable = "table"
	FormatJSON  = "json"
	FormatSARIF = "sarif"
	FormatJUnit = "junit"
	FormatHTML  = "html"
	FormatOSCAL = "oscal"
)

// Formats lists the formats of the whole report, for flag help and
// validation.
func Formats() []string { return reportWriters().names() }

// New returns the writer of the whole report in format.
func New(format string) (Writer, error) { return reportWriters().get(format) }

func reportWriters() writerTable {
	return writerTable{
		{FormatTable, Table{}}, {FormatJSON, JSON{}}, {FormatSARIF, SARIF{}}, {FormatJUnit, JUnit{}},
		{FormatMarkdown, Markdown{}}, {FormatHTML, HTML{}}, {FormatOSCAL, OSCAL{}},
	}
}

// writerTable lists the formats of one output, each with its writer, the
// default first.
type writerTable []struct {
	name   string
	writer Writer
}

func (t writerTable) names() []string {
	out := make([]string, len(t))
	for i, e := range t {
		out[i] = e.name
	}
	return out
}

func (t writerTable) get(format string) (Writer, error) {
	for _, e := range t {
		if e.name == format {
			return e.writer, nil
		}
	}
	return nil, fmt.Errorf("unknown format %q (expected one of %s)", format, strings.Join(t.names(), ", "))
}
