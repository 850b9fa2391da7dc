package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/internal/termsafe"
	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/registry"
	"github.com/annexa-dev/annexa/providers/tfsource"
	"github.com/annexa-dev/annexa/runner"
)

// enumValue is a string flag that accepts only the listed values, so a typo
// is rejected while flags are parsed.
type enumValue struct {
	allowed []string
	value   *string
}

func newEnum(p *string, def string, allowed ...string) *enumValue {
	*p = def
	return &enumValue{allowed: allowed, value: p}
}

func (e *enumValue) String() string { return *e.value }
func (e *enumValue) Type() string   { return "string" }
func (e *enumValue) Set(v string) error {
	if !slices.Contains(e.allowed, v) {
		return fmt.Errorf("%q is not one of %s", v, strings.Join(e.allowed, ", "))
	}
	*e.value = v
	return nil
}

// timeValue parses an RFC 3339 time or a plain date (midnight UTC).
type timeValue struct{ t *time.Time }

func (v timeValue) String() string {
	if v.t.IsZero() {
		return ""
	}
	return v.t.Format(time.RFC3339)
}
func (v timeValue) Type() string { return "time" }
func (v timeValue) Set(s string) error {
	t, err := catalog.ParseEffectiveTime(s)
	if err != nil {
		return err
	}
	*v.t = t
	return nil
}

// policyOptions choose and bound the policies a command evaluates.
type policyOptions struct {
	dirs          []string
	evalTimeout   time.Duration
	effectiveTime time.Time
	selection     engine.Selection
	// waivers is the waivers file (--waivers).
	waivers string
}

// addFlags adds the flags of a command that evaluates: which policies, how
// long each may take, and as of when.
func (o *policyOptions) addFlags(cmd *cobra.Command) {
	o.addDirFlag(cmd)
	f := cmd.Flags()
	f.DurationVar(&o.evalTimeout, "eval-timeout", engine.DefaultEvalTimeout, "time limit for evaluating one policy")
	f.Var(timeValue{&o.effectiveTime}, "effective-time", "evaluate as of this time (RFC 3339 or date; default now); fix it for reproducible output")
	f.StringSliceVar(&o.selection.Controls, "control", nil, "evaluate only the Annex A controls matching these globs (8.2*, A.5.15; repeatable or comma-separated); the others are not assessed")
	f.StringSliceVar(&o.selection.SkipControls, "skip-control", nil, "leave out the controls matching these globs: they are not assessed (repeatable or comma-separated)")
	f.StringSliceVar(&o.selection.Policies, "policy-id", nil, "evaluate only the policies whose id matches these globs (c8_24.*; repeatable or comma-separated)")
	f.StringSliceVar(&o.selection.SkipPolicies, "skip-policy", nil, "leave out the policies whose id matches these globs (repeatable or comma-separated)")
	f.StringVar(&o.waivers, "waivers", "", "waivers file (YAML): approved, expiring exceptions that mark findings waived without dropping them (docs/waivers.md); overrides waivers: in annexa.yaml")
	_ = cmd.MarkFlagFilename("waivers", "yaml", "yml", "json")
}

// addDirFlag adds --policy alone, for commands that list policies without
// evaluating them.
func (o *policyOptions) addDirFlag(cmd *cobra.Command) {
	cmd.Flags().StringArrayVarP(&o.dirs, "policy", "p", nil, "directory of extra Rego policies (repeatable); evaluated with the built-in ones")
	_ = cmd.MarkFlagDirname("policy")
}

// sourceOptions name the inputs facts are collected from: paths given as
// arguments, whose kind is detected, and the source flags of the provider
// registry, in command-line order.
type sourceOptions struct {
	paths   []string
	sources []runner.FlagValue
	// tfVars are --var and --var-file in command-line order, which decides
	// which value wins, as in Terraform.
	tfVars []tfsource.Var
	// strict evaluates Terraform source as terraform validate would.
	strict bool
	// awsRegions are --region values for --aws.
	awsRegions []string
	// exclude are --exclude globs, applied to every directory source.
	exclude []string
	// applicability, risks and the risk settings name the inputs of the
	// Statement of Applicability and the residual risk.
	applicability string
	risks         string
	riskAppetite  int
	riskMethod    string
	// allowCommands lets annexa.yaml run the programs its provider entries
	// name.
	allowCommands bool
	// allowCloud lets annexa.yaml read live cloud accounts.
	allowCloud bool
}

func (o *sourceOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	for _, k := range registry.Kinds() {
		f.Var(&sourceFlag{flag: k.Flag, values: &o.sources}, k.Flag, k.Usage)
		if k.NoOptValue != "" {
			f.Lookup(k.Flag).NoOptDefVal = k.NoOptValue
		}
	}
	f.Var(&tfVarValue{vars: &o.tfVars}, "var", "set a Terraform input variable for --tf, as in terraform plan -var (repeatable)")
	f.Var(&tfVarValue{vars: &o.tfVars, file: true}, "var-file", "Terraform variables file (.tfvars, .tfvars.json) for --tf (repeatable); may lie outside the scan root")
	f.StringArrayVar(&o.awsRegions, "region", nil, "with --aws: a region to read (repeatable or comma-separated; all: every enabled region)")
	f.StringArrayVar(&o.exclude, "exclude", nil, "pass over the files and directories matching this glob in every directory read (--tf root discovery, --evidence, --k8s, --config, a --plan directory): the path below the directory named, or a file or directory name; added to exclude: in annexa.yaml; recorded in the report (repeatable)")
	f.BoolVar(&o.strict, "strict", false, "evaluate --tf as terraform validate would: references to undeclared objects, unreadable files of file functions and missing module directories are errors (exit 2), not unknown values with a warning")
	f.BoolVar(&o.allowCommands, "allow-commands", false, "let annexa.yaml run the programs its provider entries name with command: (off by default: a project file in a pull request is code its author wrote)")
	f.BoolVar(&o.allowCloud, "allow-cloud", false, "let annexa.yaml read the live cloud accounts its aws: entries name, with this machine's credentials (off by default: a project file in a pull request is code its author wrote)")
	f.StringVar(&o.applicability, "applicability", "", "applicability file (YAML or CSV) stating for each Annex A control whether it applies and why; overrides applicability: in annexa.yaml")
	f.StringVar(&o.risks, "risks", "", "risk register (YAML or CSV); overrides risks: in annexa.yaml")
	f.IntVar(&o.riskAppetite, "risk-appetite", 0, "highest residual risk score (1-25) accepted without an explicit acceptance; overrides risk.appetite in annexa.yaml (default 6)")
	f.Var(newEnum(&o.riskMethod, "", catalog.Methods()...), "risk-method",
		"residual risk method: score (inherent × (1 − effectiveness), the default) or split (preventive and detective controls reduce likelihood, corrective ones impact)")
	_ = cmd.MarkFlagFilename("applicability", "yaml", "yml", "json", "csv")
	_ = cmd.MarkFlagFilename("risks", "yaml", "yml", "json", "csv")
	_ = cmd.MarkFlagFilename("plan", "json")
	_ = cmd.MarkFlagDirname("evidence")
	_ = cmd.MarkFlagDirname("tf")
	_ = cmd.MarkFlagFilename("var-file", "tfvars", "json")
}

// inputs are the options as the runner takes them.
func (o *sourceOptions) inputs(pol *policyOptions) runner.Inputs {
	in := runner.Inputs{
		Paths:         o.paths,
		Sources:       o.sources,
		TFVars:        o.tfVars,
		Exclude:       o.exclude,
		Strict:        o.strict,
		AWSRegions:    o.awsRegions,
		Applicability: o.applicability,
		Risks:         o.risks,
		RiskAppetite:  o.riskAppetite,
		RiskMethod:    o.riskMethod,
		AllowCommands: o.allowCommands,
		AllowCloud:    o.allowCloud,
		Environ:       os.Environ(),
		ToolVersion:   toolVersion(),
	}
	if pol != nil {
		in.PolicyDirs = pol.dirs
		in.EvalTimeout = pol.evalTimeout
		in.Selection = pol.selection
		in.EffectiveTime = pol.effectiveTime
		in.Waivers = pol.waivers
	}
	return in
}

// sourceFlag appends the values of one source flag to the list all source
// flags share, so the run reads them in command-line order.
type sourceFlag struct {
	flag   string
	values *[]runner.FlagValue
}

func (f *sourceFlag) String() string { return "" }
func (f *sourceFlag) Type() string   { return "stringArray" }
func (f *sourceFlag) Set(v string) error {
	*f.values = append(*f.values, runner.FlagValue{Flag: f.flag, Value: v})
	return nil
}

// tfVarValue appends --var and --var-file values to one list, keeping
// their relative order.
type tfVarValue struct {
	vars *[]tfsource.Var
	file bool
}

func (v *tfVarValue) String() string { return "" }
func (v *tfVarValue) Type() string {
	if v.file {
		return "FILE"
	}
	return "NAME=VALUE"
}
func (v *tfVarValue) Set(s string) error {
	if v.file {
		*v.vars = append(*v.vars, tfsource.Var{File: s})
		return nil
	}
	if name, _, ok := strings.Cut(s, "="); !ok || name == "" {
		return fmt.Errorf("expected NAME=VALUE")
	}
	*v.vars = append(*v.vars, tfsource.Var{Assignment: s})
	return nil
}

// check resolves the inputs and runs every stage but the bundle; errors
// are input errors.
func check(ctx context.Context, src *sourceOptions, pol *policyOptions) (*runner.Result, error) {
	run, err := runner.Resolve(src.inputs(pol))
	if err != nil {
		return nil, inputError(err)
	}
	boundMemory(run.InputBytes(), run.PlansOnly())
	res, err := run.Check(ctx)
	if err != nil {
		return nil, inputError(err)
	}
	return res, nil
}

// printDiagnostics prints the warnings of a run on stderr, one a line.
func printDiagnostics(s streams, ds diag.Diagnostics) {
	for _, d := range ds {
		fmt.Fprintf(s.err, "%s: %s: %s\n", programName, d.Severity, termsafe.String(d.String()))
	}
}
