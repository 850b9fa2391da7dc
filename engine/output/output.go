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
)

// Formats lists the supported format names, for flag help and validation.
func Formats() []string { return []string{FormatTable, FormatJSON, FormatSARIF, FormatJUnit} }

// New returns the writer for format.
func New(format string) (Writer, error) {
	switch format {
	case FormatTable:
		return Table{}, nil
	case FormatJSON:
		return JSON{}, nil
	case FormatSARIF:
		return SARIF{}, nil
	case FormatJUnit:
		return JUnit{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (expected one of %s)", format, strings.Join(Formats(), ", "))
}
