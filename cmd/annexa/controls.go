package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers/project"
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
	// Parameters are the parameters its policies read (controls show).
	Parameters []parameterEntry `json:"parameters,omitempty"`
}

// parameterEntry is a parameter a control's policies read: its
// declaration, the value in force and where that value comes from.
type parameterEntry struct {
	engine.ParameterDecl
	Value any `json:"value"`
	// From is where the value in force is set: "default", or the project
	// file and line.
	From     string   `json:"from"`
	Policies []string `json:"policies"`
}

var coverageRank = map[engine.Coverage]int{engine.CoverageSupporting: 1, engine.CoveragePartial: 2, engine.CoverageFull: 3}

// controlIDPattern matches what a user means as a control id, so a stray
// `annexa controls 8.24` can point at `controls show`.
var controlIDPattern = regexp.MustCompile(`^(?i:a\.)?\d+\.\d+$`)

func newControlsCommand(s streams) *cobra.Command {
	o := &controlsOptions{}
	cmd := &cobra.Command{
		Use:   "controls [flags]",
		Short: "List the ISO/IEC 27002:2022 controls and the policies that evaluate them",
		Long: `List every control of the catalog with its theme, the policies mapped to it
(by their METADATA custom.controls), the facts those policies read, and the
best coverage any of them claims (full, partial or supporting).

The JSON output also carries each control's attributes, testability (A: the
criteria can be decided from configuration facts, M: they need declared
evidence) and summary: annexa's statement of the control's testable criteria.
Use 'annexa controls show ID' for one control in full.`,
		Example: `  annexa controls
  annexa controls --theme technological
  annexa controls --format json --policy ./policies
  annexa controls show 8.24`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 && controlIDPattern.MatchString(args[0]) {
				return fmt.Errorf("unknown command %q for %q; to show one control, run '%s show %s'", args[0], cmd.CommandPath(), cmd.CommandPath(), args[0])
			}
			return cobra.NoArgs(cmd, args)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			eng, err := engine.New(cmd.Context(), engine.WithPolicyDirs(o.policy.dirs...))
			if err != nil {
				return inputError(err)
			}
			entries := controlEntries(eng, o.theme)
			if o.format == "json" {
				return writeJSON(s.out, entries)
			}
			return writeControlsTable(s, entries)
		},
	}
	o.policy.addDirFlag(cmd)
	cmd.Flags().Var(newEnum(&o.format, "table", "table", "json"), "format", "output format: table|json")
	cmd.Flags().Var(newEnum(&o.theme, "", append([]string{""}, engine.Themes()...)...), "theme",
		"only controls of this theme: "+strings.Join(engine.Themes(), "|"))
	cmd.AddCommand(newControlsShowCommand(s))
	return cmd
}

type controlsShowOptions struct {
	policy  policyOptions
	format  string
	project string
}

func newControlsShowCommand(s streams) *cobra.Command {
	o := &controlsShowOptions{}
	cmd := &cobra.Command{
		Use:   "show ID [flags]",
		Short: "Show one control: attributes, testable criteria and the policies that evaluate it",
		Long: `Show one ISO/IEC 27002:2022 control: its title, theme, attributes, whether it
is new in the 2022 edition, its testability, annexa's summary of its testable
criteria, and every policy mapped to it with that policy's coverage of this
control (a supporting policy cannot pass it on its own), severity and the
facts it reads. Then the parameters those policies read (thresholds such as
retention days), each with its default, the benchmark behind it and the
value in force: the default, or with --project the value the project file
sets under parameters:. ID is the control number, e.g. 8.24; the Annex A
form A.8.24 is accepted too.

An unknown ID is a usage error (exit 2) that lists the closest control ids.`,
		Example: `  annexa controls show 8.24
  annexa controls show A.5.15 --format json
  annexa controls show 5.9 --policy ./my-policies
  annexa controls show 8.5 --project .`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return fmt.Errorf("%s takes one control id, e.g. '%s 8.24'; got %d arguments", cmd.CommandPath(), cmd.CommandPath(), len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var proj *project.Project
			dirs := o.policy.dirs
			if o.project != "" {
				var err error
				if proj, err = project.Resolve(o.project); err != nil {
					return inputError(err)
				}
				if proj.File == "" {
					return inputError(fmt.Errorf("--project %s: no %s there", o.project, project.FileNames()[0]))
				}
				dirs = append(slices.Clone(proj.Policies), dirs...)
			}
			eng, err := engine.New(cmd.Context(), engine.WithPolicyDirs(dirs...))
			if err != nil {
				return inputError(err)
			}
			id := strings.TrimSpace(args[0])
			if len(id) > 2 && strings.EqualFold(id[:2], "A.") {
				id = id[2:]
			}
			ctl, ok := eng.Catalog().Lookup(id)
			if !ok {
				return inputError(unknownControl(eng.Catalog(), id))
			}
			e := newControlEntry(ctl, policiesByControl(eng)[ctl.ID])
			if e.Parameters, err = controlParameters(eng, e.Policies, proj); err != nil {
				return inputError(err)
			}
			if o.format == "json" {
				return writeJSON(s.out, e)
			}
			return writeControl(s.out, e)
		},
	}
	o.policy.addDirFlag(cmd)
	cmd.Flags().Var(newEnum(&o.format, "table", "table", "json"), "format", "output format: table|json")
	cmd.Flags().StringVar(&o.project, "project", "", "a project (annexa.yaml or its directory) whose parameters: give the values in force, and whose policies: are loaded")
	return cmd
}

// controlParameters lists the parameters the policies read (METADATA
// custom.parameters), with the value in force: the project's, checked
// against the declaration as a run checks it, else the default.
func controlParameters(eng *engine.Engine, pols []*engine.Policy, proj *project.Project) ([]parameterEntry, error) {
	set := map[string]project.Parameter{}
	if proj != nil {
		for _, p := range proj.Parameters {
			if err := eng.CheckParameter(p.Name, p.Value); err != nil {
				return nil, fmt.Errorf("%s: parameters: %w", p.Where(), err)
			}
			set[p.Name] = p
		}
	}
	byName := map[string]*parameterEntry{}
	var names []string
	for _, pol := range pols {
		for _, name := range pol.Parameters {
			if e, ok := byName[name]; ok {
				e.Policies = append(e.Policies, pol.ID)
				continue
			}
			decl, ok := eng.Parameter(name)
			if !ok {
				return nil, fmt.Errorf("%s: METADATA custom.parameters names %q, which policies/lib/params*.rego does not declare", pol.File, name)
			}
			e := &parameterEntry{ParameterDecl: decl, Value: decl.Default, From: "default", Policies: []string{pol.ID}}
			if p, ok := set[name]; ok {
				e.Value, e.From = p.Value, p.Where()
			}
			byName[name] = e
			names = append(names, name)
		}
	}
	slices.Sort(names)
	out := make([]parameterEntry, 0, len(names))
	for _, n := range names {
		out = append(out, *byName[n])
	}
	return out, nil
}

// unknownControl explains that id is not in the catalog and names the ids
// the user most likely meant, or the valid ranges when none is close.
func unknownControl(cat *engine.Catalog, id string) error {
	shown := id
	if r := []rune(id); len(r) > 40 {
		// A pasted paragraph must not flood the terminal.
		shown = string(r[:40]) + "…"
	}
	msg := fmt.Sprintf("no control %q in ISO/IEC 27002:2022", shown)
	if near := cat.Suggest(id); len(near) > 0 {
		return fmt.Errorf("%s; did you mean %s?", msg, strings.Join(near, ", "))
	}
	var ranges []string
	first := map[string]string{}
	last := map[string]string{}
	for _, c := range cat.Controls {
		if _, ok := first[c.Theme]; !ok {
			first[c.Theme] = c.ID
		}
		last[c.Theme] = c.ID
	}
	for _, theme := range engine.Themes() {
		if first[theme] != "" {
			ranges = append(ranges, fmt.Sprintf("%s–%s %s", first[theme], last[theme], theme))
		}
	}
	return fmt.Errorf("%s; control ids run %s (see 'annexa controls')", msg, strings.Join(ranges, ", "))
}

// policiesByControl maps each control id to the policies that name it, in
// policy id order.
func policiesByControl(eng *engine.Engine) map[string][]*engine.Policy {
	by := map[string][]*engine.Policy{}
	for _, p := range eng.Policies() {
		for _, c := range p.Controls {
			by[c] = append(by[c], p)
		}
	}
	return by
}

func controlEntries(eng *engine.Engine, theme string) []controlEntry {
	by := policiesByControl(eng)
	entries := []controlEntry{}
	for _, c := range eng.Catalog().Controls {
		if theme != "" && c.Theme != theme {
			continue
		}
		entries = append(entries, newControlEntry(c, by[c.ID]))
	}
	return entries
}

// newControlEntry joins a control with its policies: the best coverage any
// of them claims and the union of the facts they read.
func newControlEntry(c engine.Control, policies []*engine.Policy) controlEntry {
	e := controlEntry{Control: c, Policies: policies, Inputs: []string{}}
	if e.Policies == nil {
		e.Policies = []*engine.Policy{}
	}
	for _, p := range e.Policies {
		if cov := p.CoverageOf(c.ID); coverageRank[cov] > coverageRank[e.Coverage] {
			e.Coverage = cov
		}
		e.Inputs = append(e.Inputs, p.Inputs...)
	}
	slices.Sort(e.Inputs)
	e.Inputs = slices.Compact(e.Inputs)
	return e
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write controls: %w", err)
	}
	return nil
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

var testabilityLabel = map[engine.Testability]string{
	engine.TestabilityAutomatable: "A, automatable: configuration facts can decide it",
	engine.TestabilityManual:      "M, manual: needs declared evidence",
}

// writeControl prints one control for a person to read.
func writeControl(out io.Writer, e controlEntry) error {
	w := bufio.NewWriter(out)
	newIn := "no"
	if e.NewIn2022 {
		newIn = "yes"
	}
	fmt.Fprintf(w, "%s  %s\n\n", e.ID, e.Title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	a := e.Attributes
	for _, row := range [][2]string{
		{"theme", e.Theme},
		{"new in 2022", newIn},
		{"testability", testabilityLabel[e.Testability]},
		{"control type", strings.Join(a.ControlType, ", ")},
		{"security properties", strings.Join(a.SecurityProperties, ", ")},
		{"cybersecurity concepts", strings.Join(a.CybersecurityConcepts, ", ")},
		{"operational capabilities", strings.Join(a.OperationalCapabilities, ", ")},
		{"security domains", strings.Join(a.SecurityDomains, ", ")},
	} {
		fmt.Fprintf(tw, "%s:\t%s\n", row[0], row[1])
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write control: %w", err)
	}
	fmt.Fprintf(w, "\nTestable criteria:\n%s\n", wrap(e.Summary, 76, "  "))
	if len(e.Policies) == 0 {
		fmt.Fprintf(w, "\nPolicies: none; %s is reported not assessed until one maps to it.\n", e.ID)
		return w.Flush()
	}
	fmt.Fprintf(w, "\nPolicies (%d, best coverage %s):\n", len(e.Policies), e.Coverage)
	for _, p := range e.Policies {
		fmt.Fprintf(w, "  %s:\n%s\n", p.ID, wrap(p.Title, 74, "    "))
		fmt.Fprintf(w, "    coverage %s, severity %s\n", p.CoverageOf(e.ID), p.Severity)
		// One input per line: resource types are long and do not wrap well.
		fmt.Fprintf(w, "    inputs: %s\n", strings.Join(p.Inputs, "\n            "))
		fmt.Fprintf(w, "    file: %s\n", p.File)
	}
	if len(e.Parameters) > 0 {
		fmt.Fprintf(w, "\nParameters (%d; set them under parameters: in annexa.yaml):\n", len(e.Parameters))
		for _, p := range e.Parameters {
			value := jsonValue(p.Value)
			if p.From != "default" {
				value += " (set at " + p.From + ")"
			} else {
				value += " (the default)"
			}
			fmt.Fprintf(w, "  %s = %s\n", p.Name, value)
			if p.Description != "" {
				fmt.Fprintf(w, "%s\n", wrap(p.Description, 76, "    "))
			}
			line := "default " + jsonValue(p.Default)
			if p.Source != "" {
				line += ", after " + p.Source
			}
			fmt.Fprintf(w, "%s\n", wrap(line, 76, "    "))
			fmt.Fprintf(w, "%s\n", wrap("read by "+strings.Join(p.Policies, ", "), 76, "    "))
		}
	}
	return w.Flush()
}

// jsonValue prints a parameter value as JSON, as annexa.yaml may write it.
func jsonValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// wrap breaks text into lines of at most width characters (a longer word
// stands alone), each starting with indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for _, word := range strings.Fields(text) {
		n := len([]rune(word))
		switch {
		case line == 0:
			b.WriteString(indent)
			line = len(indent)
		case line+1+n > width:
			b.WriteString("\n" + indent)
			line = len(indent)
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(word)
		line += n
	}
	return b.String()
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-1] + "…"
}
