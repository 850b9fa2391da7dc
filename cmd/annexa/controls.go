package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
)

type controlsOptions struct {
	policy policyOptions
	format string
	theme  string
}

// controlEntry is one control with the policies that evaluate it.
type controlEntry struct {
	engine.Control
	Coverage engine.Coverage  `json:"coverage,omitempty"`
	Inputs   []string         `json:"inputs"`
	Policies []*engine.Policy `json:"policies"`
}

var coverageRank = map[engine.Coverage]int{engine.CoverageSupporting: 1, engine.CoveragePartial: 2, engine.CoverageFull: 3}

func newControlsCommand(s streams) *cobra.Command {
	o := &controlsOptions{}
	cmd := &cobra.Command{
		Use:   "controls [flags]",
		Short: "List the ISO/IEC 27002:2022 controls and the policies that evaluate them",
		Long: `List every control of the catalog with its theme, the policies mapped to it
(by their METADATA custom.controls), the facts those policies read, and the
best coverage any of them claims (full, partial or supporting).`,
		Example: `  annexa controls
  annexa controls --theme technological
  annexa controls --format json --policy ./policies`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eng, err := o.policy.engine(cmd.Context(), nil, effectiveTime(o.policy.effectiveTime, nil))
			if err != nil {
				return inputError(err)
			}
			entries := controlEntries(eng, o.theme)
			if o.format == "json" {
				enc := json.NewEncoder(s.out)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(entries)
			}
			return writeControlsTable(s, entries)
		},
	}
	o.policy.addFlags(cmd)
	cmd.Flags().Var(newEnum(&o.format, "table", "table", "json"), "format", "output format: table|json")
	cmd.Flags().Var(newEnum(&o.theme, "", "", "organizational", "people", "physical", "technological"), "theme",
		"only controls of this theme: organizational|people|physical|technological")
	return cmd
}

func controlEntries(eng *engine.Engine, theme string) []controlEntry {
	byControl := map[string][]*engine.Policy{}
	for _, p := range eng.Policies() {
		for _, c := range p.Controls {
			byControl[c] = append(byControl[c], p)
		}
	}
	entries := []controlEntry{}
	for _, c := range eng.Catalog().Controls {
		if theme != "" && c.Theme != theme {
			continue
		}
		e := controlEntry{Control: c, Policies: byControl[c.ID], Inputs: []string{}}
		if e.Policies == nil {
			e.Policies = []*engine.Policy{}
		}
		for _, p := range e.Policies {
			if coverageRank[p.Coverage] > coverageRank[e.Coverage] {
				e.Coverage = p.Coverage
			}
			e.Inputs = append(e.Inputs, p.Inputs...)
		}
		slices.Sort(e.Inputs)
		e.Inputs = slices.Compact(e.Inputs)
		entries = append(entries, e)
	}
	return entries
}

func writeControlsTable(s streams, entries []controlEntry) error {
	w := bufio.NewWriter(s.out)
	fmt.Fprintf(w, "%-5s  %-14s  %-10s  %-60s  %s\n", "ID", "THEME", "COVERAGE", "TITLE", "POLICIES")
	withPolicy, policies := 0, 0
	for _, e := range entries {
		ids := make([]string, len(e.Policies))
		for i, p := range e.Policies {
			ids[i] = p.ID
		}
		cov := string(e.Coverage)
		if cov == "" {
			cov = "-"
		} else {
			withPolicy++
		}
		policies += len(ids)
		fmt.Fprintf(w, "%-5s  %-14s  %-10s  %-60s  %s\n", e.ID, e.Theme, cov, truncate(e.Title, 60), strings.Join(ids, ", "))
	}
	fmt.Fprintf(w, "\n%d controls, %d with at least one policy\n", len(entries), withPolicy)
	return w.Flush()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-1] + "…"
}
