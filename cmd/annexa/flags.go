package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/applicability"
	"github.com/annexa-dev/annexa/providers/config"
	"github.com/annexa-dev/annexa/providers/evidence"
	"github.com/annexa-dev/annexa/providers/external"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/kubernetes"
	"github.com/annexa-dev/annexa/providers/project"
	"github.com/annexa-dev/annexa/providers/riskregister"
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
	t, err := catalog.ParseDate(s)
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

// addFlags adds the flags of a command that evaluates: which policies, how
// long each may take, and as of when.
func (o *policyOptions) addFlags(cmd *cobra.Command) {
	o.addDirFlag(cmd)
	f := cmd.Flags()
	f.DurationVar(&o.evalTimeout, "eval-timeout", engine.DefaultEvalTimeout, "time limit for evaluating one policy")
	f.Var(timeValue{&o.effectiveTime}, "effective-time", "evaluate as of this time (RFC 3339 or date; default now); fix it for reproducible output")
}

// addDirFlag adds --policy alone, for commands that list policies without
// evaluating them.
func (o *policyOptions) addDirFlag(cmd *cobra.Command) {
	cmd.Flags().StringArrayVarP(&o.dirs, "policy", "p", nil, "directory of extra Rego policies (repeatable); evaluated with the built-in ones")
	_ = cmd.MarkFlagDirname("policy")
}

// effectiveTime is the time a run is as of: --effective-time, else the
// project's effective time, else now.
func effectiveTime(flag time.Time, p *project.Project) time.Time {
	switch {
	case !flag.IsZero():
		return flag
	case p != nil && !p.EffectiveTime.IsZero():
		return p.EffectiveTime
	}
	return time.Now().UTC()
}

// engine builds the engine for a run: the built-in policies, the project's
// policy directories and --policy, as of at.
func (o *policyOptions) engine(ctx context.Context, p *project.Project, at time.Time) (*engine.Engine, error) {
	dirs := o.dirs
	if p != nil {
		dirs = append(slices.Clone(p.Policies), o.dirs...)
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
	paths     []string
	plans     []string
	evidence  []string
	manifests []string
	configs   []string
	external  []string
	tfDirs    []string
	// tfVars are --var and --var-file in command-line order, which decides
	// which value wins, as in Terraform.
	tfVars []tfsource.Var
	stderr func() io.Writer
	// applicability, risks and the risk settings name the inputs of the
	// Statement of Applicability and the residual risk.
	applicability string
	risks         string
	riskAppetite  int
	riskMethod    string
}

func (o *sourceOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayVar(&o.plans, "plan", nil, "Terraform plan as JSON, from `terraform show -json PLANFILE` (repeatable)")
	f.StringArrayVar(&o.evidence, "evidence", nil, "directory (or file) of declared evidence records (repeatable)")
	f.StringArrayVar(&o.manifests, "k8s", nil, "Kubernetes manifests: a YAML/JSON file, a `kubectl get -o json` listing or a directory (repeatable)")
	f.StringArrayVar(&o.configs, "config", nil, fmt.Sprintf("configuration file or directory, as [FORMAT=]PATH; FORMAT (%s) is told by the file name when left out (repeatable)", strings.Join(config.Formats(), "|")))
	f.StringArrayVar(&o.external, "provider", nil, "external provider as NAME[=SOURCE]: runs annexa-provider-NAME from PATH with SOURCE (docs/providers.md) (repeatable)")
	f.StringArrayVar(&o.tfDirs, "tf", nil, "directory of Terraform source (.tf, .tf.json), evaluated without a plan (repeatable)")
	f.Var(&tfVarValue{vars: &o.tfVars}, "var", "set a Terraform input variable for --tf, as in terraform plan -var (repeatable)")
	f.Var(&tfVarValue{vars: &o.tfVars, file: true}, "var-file", "Terraform variables file (.tfvars, .tfvars.json) for --tf (repeatable)")
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

// configSource reads a --config value: [FORMAT=]PATH. A prefix that is not
// a format is part of the path, unless no such path exists.
func configSource(spec string) (providers.Source, error) {
	if format, path, found := strings.Cut(spec, "="); found && format != "" && !strings.ContainsAny(format, `/\.`) {
		if slices.Contains(config.Formats(), format) {
			p, err := config.New(format)
			return providers.Source{Path: path, Provider: p}, err
		}
		if _, err := os.Stat(spec); err != nil {
			return providers.Source{}, fmt.Errorf("--config %s: unknown format %q (known: %s)", spec, format, strings.Join(config.Formats(), ", "))
		}
	}
	return providers.Source{Path: spec, Provider: config.Provider{}}, nil
}

// externalSource reads a --provider value: NAME[=SOURCE].
func externalSource(spec string) (providers.Source, error) {
	name, source, _ := strings.Cut(spec, "=")
	if !external.ValidName(name) {
		return providers.Source{}, fmt.Errorf("--provider %s: %q is not a provider name (lower-case letters, digits, - and _; annexa runs %sNAME)", spec, name, external.CommandPrefix)
	}
	return providers.Source{Path: source, Provider: external.Provider{Name: name}}, nil
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
	for _, path := range o.manifests {
		merged.Sources = append(merged.Sources, providers.Source{Path: path, Provider: kubernetes.Provider{}})
	}
	for _, spec := range o.configs {
		src, err := configSource(spec)
		if err != nil {
			return nil, inputError(err)
		}
		merged.Sources = append(merged.Sources, src)
	}
	for _, spec := range o.external {
		src, err := externalSource(spec)
		if err != nil {
			return nil, inputError(err)
		}
		merged.Sources = append(merged.Sources, src)
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
		return nil, inputError(errors.New("no input given: name a project directory or an input (annexa check testdata/demo, --plan FILE, --tf DIR, --evidence DIR, --k8s PATH, --config PATH, --provider NAME, --applicability FILE, --risks FILE)"))
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

// collect reads every source of p, as of at.
func collect(ctx context.Context, p *project.Project, at time.Time) ([]facts.Fact, error) {
	fs, err := providers.Collect(ctx, providers.AtTime(p.Sources, at))
	if err != nil {
		return nil, inputError(err)
	}
	return fs, nil
}
