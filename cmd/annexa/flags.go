package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/evidence"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/project"
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
	t, err := project.ParseTime(s)
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
}

func (o *policyOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayVarP(&o.dirs, "policy", "p", nil, "directory of extra Rego policies (repeatable); evaluated with the built-in ones")
	f.DurationVar(&o.evalTimeout, "eval-timeout", engine.DefaultEvalTimeout, "time limit for evaluating one policy")
	f.Var(timeValue{&o.effectiveTime}, "effective-time", "evaluate as of this time (RFC 3339 or date; default now); fix it for reproducible output")
	_ = cmd.MarkFlagDirname("policy")
}

// engine builds the engine for a run: the built-in policies, the project's
// policy directories and --policy, as of --effective-time, else the
// project's effective time, else now.
func (o *policyOptions) engine(ctx context.Context, p *project.Project) (*engine.Engine, error) {
	dirs := o.dirs
	at := o.effectiveTime
	if p != nil {
		dirs = append(slices.Clone(p.Policies), o.dirs...)
		if at.IsZero() {
			at = p.EffectiveTime
		}
	}
	return engine.New(ctx,
		engine.WithPolicyDirs(dirs...),
		engine.WithEvalTimeout(o.evalTimeout),
		engine.WithEffectiveTime(at),
		engine.WithToolVersion(toolVersion()),
	)
}

// sourceOptions name the inputs facts are collected from: paths given as
// arguments, whose kind is detected, and paths named by a flag.
type sourceOptions struct {
	paths    []string
	plans    []string
	evidence []string
	tfDirs   []string
	// tfVars are --var and --var-file in command-line order, which decides
	// which value wins, as in Terraform.
	tfVars []tfsource.Var
	stderr func() io.Writer
}

func (o *sourceOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayVar(&o.plans, "plan", nil, "Terraform plan as JSON, from `terraform show -json PLANFILE` (repeatable)")
	f.StringArrayVar(&o.evidence, "evidence", nil, "directory (or file) of declared evidence records (repeatable)")
	f.StringArrayVar(&o.tfDirs, "tf", nil, "directory of Terraform source (.tf, .tf.json), evaluated without a plan (repeatable)")
	f.Var(&tfVarValue{vars: &o.tfVars}, "var", "set a Terraform input variable for --tf, as in terraform plan -var (repeatable)")
	f.Var(&tfVarValue{vars: &o.tfVars, file: true}, "var-file", "Terraform variables file (.tfvars, .tfvars.json) for --tf (repeatable)")
	_ = cmd.MarkFlagFilename("plan", "json")
	_ = cmd.MarkFlagDirname("evidence")
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

// resolve turns the arguments and flags into one project: the settings of
// the project file among them (at most one) and every source.
func (o *sourceOptions) resolve() (*project.Project, error) {
	merged := &project.Project{}
	for _, path := range o.paths {
		p, err := project.Resolve(path)
		if err != nil {
			return nil, inputError(err)
		}
		if p.File != "" {
			if merged.File != "" {
				return nil, inputError(fmt.Errorf("two project files given, %s and %s; check one project at a time", merged.File, p.File))
			}
			sources := merged.Sources
			*merged = *p
			merged.Sources = sources
		}
		merged.Sources = append(merged.Sources, p.Sources...)
	}
	for _, path := range o.plans {
		merged.Sources = append(merged.Sources, providers.Source{Path: path, Provider: tfplan.Provider{}})
	}
	for _, path := range o.evidence {
		merged.Sources = append(merged.Sources, providers.Source{Path: path, Provider: evidence.Provider{}})
	}
	for _, path := range o.tfDirs {
		merged.Sources = append(merged.Sources, providers.Source{Path: path, Provider: tfsource.Provider{}})
	}
	// Every Terraform source, however it was named, gets the variables
	// and reports its warnings on stderr.
	hasTF := false
	for i, src := range merged.Sources {
		if p, ok := src.Provider.(tfsource.Provider); ok {
			p.Vars = append(slices.Clone(p.Vars), o.tfVars...)
			if p.Warnings == nil {
				p.Warnings = o.stderr()
			}
			merged.Sources[i].Provider = p
			hasTF = true
		}
	}
	if len(o.tfVars) > 0 && !hasTF {
		return nil, inputError(errors.New("--var and --var-file set Terraform source variables; name the source with --tf DIR"))
	}
	if len(merged.Sources) == 0 {
		return nil, inputError(errors.New("no input given: name a project directory, a plan, Terraform source or an evidence directory (annexa check testdata/demo, --plan FILE, --tf DIR, --evidence DIR)"))
	}
	return merged, nil
}

// collect reads every source of p.
func collect(ctx context.Context, p *project.Project) ([]facts.Fact, error) {
	fs, err := providers.Collect(ctx, p.Sources)
	if err != nil {
		return nil, inputError(err)
	}
	return fs, nil
}
