package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/output"
)

// sectionCommand is a command that checks its inputs like check does and
// prints one section of the report (soa, risk) in one of its formats.
type sectionCommand struct {
	use, short, long, example string
	// formats are the section's formats, the first the default, and
	// writer makes the writer of one.
	formats []string
	writer  func(format string) (output.Writer, error)
	// need, when set, fails when the report lacks the section.
	need func(r *engine.Report) error
	// warnings are the section's input warnings to print on stderr in
	// format.
	warnings func(r *engine.Report, format string) []string
}

func (c sectionCommand) build(s streams) *cobra.Command {
	var (
		sources sourceOptions
		policy  policyOptions
		format  string
	)
	cmd := &cobra.Command{
		Use:     c.use,
		Short:   c.short,
		Long:    c.long,
		Example: c.example,
		RunE: func(cmd *cobra.Command, args []string) error {
			sources.paths = args
			w, err := c.writer(format)
			if err != nil {
				return inputError(err)
			}
			res, err := check(cmd.Context(), &sources, &policy)
			if err != nil {
				return err
			}
			report := res.Report
			if c.need != nil {
				if err := c.need(report); err != nil {
					return inputError(err)
				}
			}
			printDiagnostics(s, report.Diagnostics)
			for _, warn := range c.warnings(report, format) {
				fmt.Fprintf(s.err, "%s: warning: %s\n", programName, warn)
			}
			if err := w.Write(s.out, report); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			if err := report.EvaluationError(); err != nil {
				return inputError(err)
			}
			return nil
		},
	}
	sources.addFlags(cmd)
	policy.addFlags(cmd)
	cmd.Flags().VarP(newEnum(&format, c.formats[0], c.formats...), "format", "f",
		"output format: "+strings.Join(c.formats, "|"))
	return cmd
}
