package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/providers/evidence"
)

func newEvidenceCommand(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evidence",
		Short: "Describe the declared evidence records annexa reads",
		Long: `Declared evidence records are YAML or JSON files in an evidence directory
stating what no machine can observe: policies and procedures, registers of
assets, people, suppliers and incidents, and records of trainings, reviews,
tests and audits. See docs/evidence.md.`,
		Example: `  annexa evidence kinds
  annexa evidence schema supplier_register`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return inputError(fmt.Errorf("evidence needs a subcommand: kinds or schema"))
		},
	}
	cmd.AddCommand(newEvidenceKindsCommand(s), newEvidenceSchemaCommand(s))
	return cmd
}

func newEvidenceKindsCommand(s streams) *cobra.Command {
	return &cobra.Command{
		Use:     "kinds",
		Short:   "List the evidence record kinds",
		Example: "  annexa evidence kinds",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			kinds, err := evidence.Kinds()
			if err != nil {
				return err
			}
			w := bufio.NewWriter(s.out)
			for _, k := range kinds {
				raw, err := evidence.Schema(k)
				if err != nil {
					return err
				}
				var sch struct {
					Title string `json:"title"`
				}
				if err := json.Unmarshal(raw, &sch); err != nil {
					return fmt.Errorf("evidence schema %s: %w", k, err)
				}
				fmt.Fprintf(w, "%-24s %s\n", k, strings.TrimPrefix(sch.Title, "annexa evidence record: "))
			}
			return w.Flush()
		},
	}
}

func newEvidenceSchemaCommand(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema KIND",
		Short: "Print the JSON Schema of an evidence record kind",
		Example: `  annexa evidence schema training_record
  annexa evidence schema supplier_register | jq '.properties.entries'`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			kinds, err := evidence.Kinds()
			if err != nil {
				return err
			}
			if !slices.Contains(kinds, args[0]) {
				return inputError(fmt.Errorf("unknown evidence kind %q; `annexa evidence kinds` lists them", args[0]))
			}
			raw, err := evidence.Schema(args[0])
			if err != nil {
				return err
			}
			_, err = s.out.Write(raw)
			return err
		},
	}
}
