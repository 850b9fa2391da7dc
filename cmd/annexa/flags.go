package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/applicability"
	"github.com/annexa-dev/annexa/providers/evidence"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/project"
	"github.com/annexa-dev/annexa/providers/riskregister"
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
	paths         []string
	plans         []string
	evidence      []string
	applicability string
	risks         string
	riskAppetite  int
	riskMethod    string
}

func (o *sourceOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayVar(&o.plans, "plan", nil, "Terraform plan as JSON, from `terraform show -json PLANFILE` (repeatable)")
	f.StringArrayVar(&o.evidence, "evidence", nil, "directory (or file) of declared evidence records (repeatable)")
	f.StringVar(&o.applicability, "applicability", "", "applicability file (YAML or CSV) stating for each Annex A control whether it applies and why; overrides applicability: in annexa.yaml")
	f.StringVar(&o.risks, "risks", "", "risk register (YAML or CSV); overrides risks: in annexa.yaml")
	f.IntVar(&o.riskAppetite, "risk-appetite", 0, "highest residual risk score (1-25) accepted without an explicit acceptance; overrides risk.appetite in annexa.yaml (default 6)")
	f.Var(newEnum(&o.riskMethod, "", riskregister.Methods()...), "risk-method",
		"residual risk method: score (inherent × (1 − effectiveness), the default) or split (preventive and detective controls reduce likelihood, corrective ones impact)")
	_ = cmd.MarkFlagFilename("plan", "json")
	_ = cmd.MarkFlagDirname("evidence")
	_ = cmd.MarkFlagFilename("applicability", "yaml", "yml", "json", "csv")
	_ = cmd.MarkFlagFilename("risks", "yaml", "yml", "json", "csv")
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
	if o.applicability != "" {
		merged.Applicability = o.applicability
	}
	if merged.Applicability != "" {
		merged.Sources = append(merged.Sources, providers.Source{Path: merged.Applicability, Provider: applicability.Provider{}})
	}
	if err := o.riskSource(merged); err != nil {
		return nil, inputError(err)
	}
	if len(merged.Sources) == 0 {
		return nil, inputError(errors.New("no input given: name a project directory, a plan, an evidence directory, an applicability file or a risk register (annexa check testdata/demo, --plan FILE, --evidence DIR, --applicability FILE, --risks FILE)"))
	}
	return merged, nil
}

// riskSource adds the risk register to p's sources, with the residual risk
// settings of the project file and the flags (which win).
func (o *sourceOptions) riskSource(p *project.Project) error {
	if o.risks != "" {
		p.Risks = o.risks
	}
	s := p.Risk
	if o.riskAppetite != 0 || o.riskMethod != "" {
		s.File, s.Line = "command line", 0
	}
	if o.riskAppetite != 0 {
		s.Appetite = o.riskAppetite
	}
	if o.riskMethod != "" {
		s.Method = o.riskMethod
	}
	if err := s.Check(); err != nil {
		return fmt.Errorf("--risk-appetite: %w", err)
	}
	if p.Risks == "" {
		if o.riskAppetite != 0 || o.riskMethod != "" {
			return errors.New("--risk-appetite and --risk-method need a risk register: name it with --risks FILE or risks: in annexa.yaml")
		}
		return nil
	}
	p.Risk = s
	p.Sources = append(p.Sources, providers.Source{Path: p.Risks, Provider: riskregister.Provider{Settings: s}})
	return nil
}

// collect reads every source of p.
func collect(ctx context.Context, p *project.Project) ([]facts.Fact, error) {
	fs, err := providers.Collect(ctx, p.Sources)
	if err != nil {
		return nil, inputError(err)
	}
	return fs, nil
}
