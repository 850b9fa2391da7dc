package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/tfplan"
	"github.com/annexa-dev/annexa/providers/tfsource"
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
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			*v.t = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("%q is not an RFC 3339 time (2026-01-31T12:00:00Z) or a date (2026-01-31)", s)
}

// policyOptions choose and bound the policies a command evaluates.
type policyOptions struct {
	dirs          []string
	evalTimeout   time.Duration
	effectiveTime time.Time
}

func (o *policyOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayVarP(&o.dirs, "policy", "p", nil, "directory of extra Rego policies (repeatable); evaluated with the built-in ones")
	f.DurationVar(&o.evalTimeout, "eval-timeout", engine.DefaultEvalTimeout, "time limit for evaluating one policy")
	f.Var(timeValue{&o.effectiveTime}, "effective-time", "evaluate as of this time (RFC 3339 or date; default now); fix it for reproducible output")
	_ = cmd.MarkFlagDirname("policy")
}

func (o *policyOptions) engine(ctx context.Context) (*engine.Engine, error) {
	return engine.New(ctx,
		engine.WithPolicyDirs(o.dirs...),
		engine.WithEvalTimeout(o.evalTimeout),
		engine.WithEffectiveTime(o.effectiveTime),
		engine.WithToolVersion(toolVersion()),
	)
}

// sourceOptions name the inputs facts are collected from.
type sourceOptions struct {
	plans  []string
	tfDirs []string
	// tfVars are --var and --var-file in command-line order, which decides
	// which value wins, as in Terraform.
	tfVars []tfsource.Var
	stderr func() io.Writer
}

func (o *sourceOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayVar(&o.plans, "plan", nil, "Terraform plan as JSON, from `terraform show -json PLANFILE` (repeatable)")
	f.StringArrayVar(&o.tfDirs, "tf", nil, "directory of Terraform source (.tf, .tf.json), evaluated without a plan (repeatable)")
	f.Var(&tfVarValue{vars: &o.tfVars}, "var", "set a Terraform input variable for --tf, as in terraform plan -var (repeatable)")
	f.Var(&tfVarValue{vars: &o.tfVars, file: true}, "var-file", "Terraform variables file (.tfvars, .tfvars.json) for --tf (repeatable)")
	_ = cmd.MarkFlagFilename("plan", "json")
	_ = cmd.MarkFlagDirname("tf")
	_ = cmd.MarkFlagFilename("var-file", "tfvars", "json")
	o.stderr = cmd.ErrOrStderr
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

func (o *sourceOptions) collect(ctx context.Context) ([]facts.Fact, error) {
	var sources []providers.Source
	for _, p := range o.plans {
		sources = append(sources, providers.Source{Path: p, Provider: tfplan.Provider{}})
	}
	for _, d := range o.tfDirs {
		sources = append(sources, providers.Source{Path: d, Provider: tfsource.Provider{Vars: o.tfVars, Warnings: o.stderr()}})
	}
	if len(o.tfVars) > 0 && len(o.tfDirs) == 0 {
		return nil, inputError(fmt.Errorf("--var and --var-file set Terraform source variables; name the source with --tf DIR"))
	}
	if len(sources) == 0 {
		return nil, inputError(fmt.Errorf("no input given: name a plan with --plan FILE or Terraform source with --tf DIR"))
	}
	fs, err := providers.Collect(ctx, sources)
	if err != nil {
		return nil, inputError(err)
	}
	return fs, nil
}
