package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/tfplan"
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
	plans []string
}

func (o *sourceOptions) addFlags(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&o.plans, "plan", nil, "Terraform plan as JSON, from `terraform show -json PLANFILE` (repeatable)")
	_ = cmd.MarkFlagFilename("plan", "json")
}

func (o *sourceOptions) collect(ctx context.Context) ([]facts.Fact, error) {
	var sources []providers.Source
	for _, p := range o.plans {
		sources = append(sources, providers.Source{Path: p, Provider: tfplan.Provider{}})
	}
	if len(sources) == 0 {
		return nil, inputError(fmt.Errorf("no input given: name a plan with --plan FILE"))
	}
	fs, err := providers.Collect(ctx, sources)
	if err != nil {
		return nil, inputError(err)
	}
	return fs, nil
}
