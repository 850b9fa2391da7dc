// Package runner assembles a run of annexa: it merges the project file with
// the command line, builds the providers, collects facts with their
// diagnostics, builds the engine and evaluates, and writes outputs and
// evidence bundles atomically. The CLI parses flags into Inputs, calls the
// stages it needs, picks output formats and maps errors to exit codes; an
// auditor's replay evaluates through the same Evaluate stage as a run.
//
// The stages:
//
//	Resolve(Inputs) → *Run            project file + flags → sources, settings
//	Run.Collect     → facts, diags    every source, scoped, schema-checked
//	Run.Engine      → *engine.Engine  built-in + project + --policy policies
//	Evaluate        → *engine.Report  facts → findings → roll-up, diagnostics attached
//	WriteBundle     → signed evidence bundle, written atomically
package runner

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/bundles"
	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/applicability"
	"github.com/annexa-dev/annexa/providers/aws"
	"github.com/annexa-dev/annexa/providers/external"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/project"
	"github.com/annexa-dev/annexa/providers/registry"
	"github.com/annexa-dev/annexa/providers/riskregister"
	"github.com/annexa-dev/annexa/providers/tfsource"
)

// FlagValue is one value of a source flag (--plan, --tf, ...), named by
// the flag as the registry lists it.
type FlagValue struct {
	Flag, Value string
}

// Inputs are what a run is asked to read and how to evaluate it, as the
// command line states them; the project file among Paths adds to them.
type Inputs struct {
	// Paths are PATH arguments: a project, or a source whose kind is
	// detected.
	Paths []string
	// Sources are the values of the source flags, in command-line order.
	Sources []FlagValue
	// TFVars are --var and --var-file in command-line order, which decides
	// which value wins, as in Terraform; they apply to every Terraform
	// source of the run.
	TFVars []tfsource.Var
	// Environ is the environment (KEY=VALUE) whose TF_VAR_ variables set
	// Terraform input variables, below every variables file and flag, and
	// whose TF_WORKSPACE names terraform.workspace.
	Environ []string
	// Exclude are --exclude globs: the files and directories below every
	// directory source that the run passes over (Terraform root module
	// discovery, evidence, manifests, configuration, a directory of
	// plans), matched against the path below the directory named or
	// against a file's or directory's name (input.Excluded). A file named
	// on its own is read whatever the globs say. They are added to the
	// project file's exclude:.
	Exclude []string
	// AWSRegions are --region values: the regions of the run's live AWS
	// sources that name none themselves (AllRegions for every enabled one).
	AWSRegions []string
	// Strict evaluates every Terraform source as terraform validate would:
	// what is not declared and files that cannot be read are errors, not
	// unknown values with a warning (tfsource.Provider.Strict).
	Strict bool
	// Applicability, Risks and Waivers override the project file's files.
	Applicability, Risks, Waivers string
	// RiskAppetite (0: unset) and RiskMethod ("": unset) override the
	// project file's residual risk settings.
	RiskAppetite int
	RiskMethod   string
	// PolicyDirs are --policy directories, evaluated after the project's.
	PolicyDirs []string
	// EvalTimeout bounds each policy's evaluation (0: the default).
	EvalTimeout time.Duration
	// Selection narrows the run to some controls and policies.
	Selection engine.Selection
	// EffectiveTime, when not zero, is the time the run is as of; else the
	// project's, else now.
	EffectiveTime time.Time
	// ToolVersion is the annexa version reports record.
	ToolVersion string
	// AllowCommands lets a project file run the programs its provider
	// entries name with `command:`. A project file can come with the code
	// under review (a pull request), so running what it names is an
	// explicit choice of whoever runs annexa.
	AllowCommands bool
	// AllowCloud lets a project file read the live cloud accounts its aws
	// entries name, with the credentials of the environment: a project
	// file under review could otherwise have the CI machine's credentials
	// read an account into a report its author sees.
	AllowCloud bool
	// Profile records where the run spends its time and what each policy
	// and clause rule costs (Result.Profile); it evaluates one rule at a
	// time under OPA's profiler, so the run is slower.
	Profile bool
	// ReleaseAttributes says the caller reads no fact's attributes after
	// Check, so the evaluation drops them once the policies' copy is made
	// (engine.ReleaseAttributes): a large input's attributes are then not
	// held twice.
	ReleaseAttributes bool
	// EncodeFacts renders the facts as an evidence bundle's facts.json
	// before they are evaluated (Result.FactsJSON), for a caller that
	// writes a bundle after releasing the attributes.
	EncodeFacts bool
}

// Run is a resolved run: every source with its scope, and the settings
// from the project file and the flags.
type Run struct {
	// Project is the merged project: the project file's settings, if one
	// was given, and every source.
	Project *project.Project
	// At is the effective time.
	At          time.Time
	policyDirs  []string
	selection   engine.Selection
	evalTimeout time.Duration
	toolVersion string
	profile     bool
	release     bool
	encodeFacts bool
	// waiversFile is the waivers file, "" for none.
	waiversFile string
}

// Resolve merges the project file among in.Paths (at most one) with the
// flags, builds every source through the provider registry, and scopes the
// sources that share an address space (docs/facts.md, "Identity").
func Resolve(in Inputs) (*Run, error) {
	merged := &project.Project{}
	for _, path := range in.Paths {
		p, err := project.Resolve(path)
		if err != nil {
			return nil, err
		}
		if p.File != "" {
			if merged.File != "" {
				return nil, fmt.Errorf("two project files given, %s and %s; check one project at a time", merged.File, p.File)
			}
			sources := merged.Sources
			*merged = *p
			merged.Sources = sources
		}
		if err := checkCommands(p, in.AllowCommands); err != nil {
			return nil, err
		}
		if err := checkCloud(p, in.AllowCloud); err != nil {
			return nil, err
		}
		merged.Sources = append(merged.Sources, p.Sources...)
	}
	if err := input.CheckGlobs(in.Exclude); err != nil {
		return nil, err
	}
	// The project file's exclude: globs, then --exclude's.
	exclude := append(slices.Clone(merged.Exclude), in.Exclude...)
	for _, fv := range in.Sources {
		k, ok := registry.ByFlag(fv.Flag)
		if !ok {
			return nil, fmt.Errorf("--%s is not a source flag", fv.Flag)
		}
		srcs, err := k.FlagSources(fv.Value)
		if err != nil {
			return nil, err
		}
		if srcs, err = excludeExpanded(fv, srcs, exclude); err != nil {
			return nil, err
		}
		merged.Sources = append(merged.Sources, srcs...)
	}
	var err error
	if merged.Sources, err = expandRoots(merged.Sources, exclude); err != nil {
		return nil, err
	}
	applyExclude(merged.Sources, exclude)
	if err := applyTFVars(merged.Sources, in.TFVars, in.Environ); err != nil {
		return nil, err
	}
	if in.Strict {
		applyStrict(merged.Sources)
	}
	if err := applyAWSRegions(merged.Sources, in.AWSRegions); err != nil {
		return nil, err
	}
	if in.Applicability != "" {
		merged.Applicability = in.Applicability
	}
	if merged.Applicability != "" {
		merged.Sources = append(merged.Sources, providers.Source{Path: merged.Applicability, Provider: applicability.Provider{}})
	}
	if err := addRiskSource(merged, in); err != nil {
		return nil, err
	}
	if len(merged.Sources) == 0 {
		return nil, errors.New("no input given: name a project directory or an input (annexa check testdata/demo, --plan FILE, --tf DIR, --evidence DIR, --k8s PATH, --config PATH, --provider NAME, --applicability FILE, --risks FILE)")
	}
	if err := scope(merged.Sources); err != nil {
		return nil, err
	}
	r := &Run{
		Project:     merged,
		At:          effectiveTime(in.EffectiveTime, merged),
		policyDirs:  append(slices.Clone(merged.Policies), in.PolicyDirs...),
		evalTimeout: in.EvalTimeout,
		selection:   withExclude(in.Selection, exclude),
		toolVersion: in.ToolVersion,
		profile:     in.Profile,
		release:     in.ReleaseAttributes,
		encodeFacts: in.EncodeFacts,
		waiversFile: cmp.Or(in.Waivers, merged.Waivers),
	}
	return r, nil
}

// expandRoots replaces each Terraform source by one source per root module
// discovered below its directory (tfsource.Roots), each confined to the
// directory that was named, so `--tf .` checks every root of a repository.
// A directory that is itself the only root stays as it is; one with no
// configuration at all is left for the provider to report.
func expandRoots(sources []providers.Source, exclude []string) ([]providers.Source, error) {
	var out []providers.Source
	for _, src := range sources {
		p, ok := src.Provider.(tfsource.Provider)
		if !ok {
			out = append(out, src)
			continue
		}
		roots, err := tfsource.Roots(src.Path, exclude)
		var usage *tfsource.ExcludeError
		switch {
		case errors.As(err, &usage):
			return nil, err
		case err != nil, len(roots) == 0, len(roots) == 1 && roots[0] == filepath.Clean(src.Path):
			out = append(out, src)
			continue
		}
		for _, root := range roots {
			rp := p
			rp.ScanRoot = src.Path
			out = append(out, providers.Source{Path: root, Provider: rp, Space: src.Space})
		}
	}
	return out, nil
}

// withExclude is the selection a run records: what it was narrowed to
// and the --exclude globs it read its inputs with.
func withExclude(sel engine.Selection, exclude []string) engine.Selection {
	sel.Exclude = slices.Clone(exclude)
	return sel
}

// excludeExpanded drops, from the sources a directory given to a source
// flag stands for (a directory of plans), those whose file matches an
// exclude glob; every one excluded is an error, as an empty directory is.
func excludeExpanded(fv FlagValue, srcs []providers.Source, exclude []string) ([]providers.Source, error) {
	if len(exclude) == 0 || len(srcs) == 0 {
		return srcs, nil
	}
	if st, err := os.Stat(fv.Value); err != nil || !st.IsDir() {
		return srcs, nil
	}
	out := slices.DeleteFunc(slices.Clone(srcs), func(src providers.Source) bool {
		rel, err := filepath.Rel(fv.Value, src.Path)
		return err == nil && input.Excluded(filepath.ToSlash(rel), filepath.Base(src.Path), exclude)
	})
	if len(out) == 0 {
		return nil, fmt.Errorf("--%s %s: --exclude %s passes over every file in it", fv.Flag, fv.Value, strings.Join(exclude, ","))
	}
	return out, nil
}

// applyExclude sets every source that reads a directory to pass over
// what the exclude globs match.
func applyExclude(sources []providers.Source, exclude []string) {
	if len(exclude) == 0 {
		return
	}
	for i, src := range sources {
		if p, ok := src.Provider.(providers.Excluding); ok {
			sources[i].Provider = p.WithExclude(exclude)
		}
	}
}

// applyTFVars gives every Terraform source, however it was named, the
// variables of the command line after its own, and the TF_VAR_ variables
// of the environment. Variable files named on the command line may lie
// outside the source's scan root.
func applyTFVars(sources []providers.Source, vars []tfsource.Var, environ []string) error {
	vars = slices.Clone(vars)
	for i := range vars {
		vars[i].CommandLine = vars[i].File != ""
	}
	var tfEnv []string
	for _, kv := range environ {
		if strings.HasPrefix(kv, "TF_VAR_") || strings.HasPrefix(kv, "TF_WORKSPACE=") {
			tfEnv = append(tfEnv, kv)
		}
	}
	slices.Sort(tfEnv)
	hasTF := false
	for i, src := range sources {
		if p, ok := src.Provider.(tfsource.Provider); ok {
			p.Vars = append(slices.Clone(p.Vars), vars...)
			p.Environ = tfEnv
			sources[i].Provider = p
			hasTF = true
		}
	}
	if len(vars) > 0 && !hasTF {
		return errors.New("--var and --var-file set Terraform source variables; name the source with --tf DIR")
	}
	return nil
}

// applyAWSRegions gives the live AWS sources that name no regions of
// their own (--aws alone) the regions of --region.
func applyAWSRegions(sources []providers.Source, values []string) error {
	if len(values) == 0 {
		return nil
	}
	var regions []string
	for _, v := range values {
		rs, err := aws.ParseRegions(v)
		if err != nil {
			return fmt.Errorf("--region %s: %w", v, err)
		}
		regions = append(regions, rs...)
	}
	if slices.Contains(regions, aws.AllRegions) && len(regions) > 1 {
		return fmt.Errorf("--region %s stands alone: it reads every enabled region", aws.AllRegions)
	}
	found := false
	for i, src := range sources {
		p, ok := src.Provider.(aws.Provider)
		if !ok {
			continue
		}
		found = true
		if len(p.Regions) > 0 {
			return fmt.Errorf("--region and %s both name regions; name them once", src.Path)
		}
		p.Regions = regions
		sources[i].Provider, sources[i].Path = p, p.Scope("")
	}
	if !found {
		return errors.New("--region names the regions of a live AWS account; add --aws")
	}
	return nil
}

// applyStrict makes every Terraform source, however it was named, strict.
func applyStrict(sources []providers.Source) {
	for i, src := range sources {
		if p, ok := src.Provider.(tfsource.Provider); ok {
			p.Strict = true
			sources[i].Provider = p
		}
	}
}

// addRiskSource adds the risk register to p's sources, with the residual
// risk settings of the project file and the flags (which win).
func addRiskSource(p *project.Project, in Inputs) error {
	if in.Risks != "" {
		p.Risks = in.Risks
	}
	s := p.Risk
	if in.RiskAppetite != 0 || in.RiskMethod != "" {
		s.File, s.Line = "command line", 0
	}
	if in.RiskAppetite != 0 {
		s.Appetite = in.RiskAppetite
	}
	if in.RiskMethod != "" {
		s.Method = in.RiskMethod
	}
	if err := s.Check(); err != nil {
		return fmt.Errorf("--risk-appetite: %w", err)
	}
	if p.Risks == "" {
		if in.RiskAppetite != 0 || in.RiskMethod != "" {
			return errors.New("--risk-appetite and --risk-method need a risk register: name it with --risks FILE or risks: in annexa.yaml")
		}
		return nil
	}
	p.Risk = s
	p.Sources = append(p.Sources, providers.Source{Path: p.Risks, Provider: riskregister.Provider{Settings: s}})
	return nil
}

// checkCommands refuses a project whose provider entries run programs of
// their own (command:) unless allowed.
func checkCommands(p *project.Project, allowed bool) error {
	if allowed {
		return nil
	}
	for _, s := range p.Sources {
		if ext, ok := s.Provider.(external.Provider); ok && len(ext.Command) > 0 {
			return fmt.Errorf("%s: provider %s runs the command %q; annexa runs commands named in a project file only with --allow-commands, since the file may come with the code under review (docs/security.md)",
				p.File, ext.Name, strings.Join(ext.Command, " "))
		}
	}
	return nil
}

// checkCloud refuses a project file that reads a live cloud account
// unless allowed (--allow-cloud); --aws on the command line is the
// caller's own choice.
func checkCloud(p *project.Project, allowed bool) error {
	if allowed {
		return nil
	}
	for _, s := range p.Sources {
		if _, ok := s.Provider.(aws.Provider); ok {
			return fmt.Errorf("%s: a source reads the live AWS account of this machine's credentials (%s); annexa reads cloud accounts named in a project file only with --allow-cloud, since the file may come with the code under review (docs/security.md)",
				p.File, s.Path)
		}
	}
	return nil
}

// effectiveTime is the time a run is as of: the flag, else the project's
// effective time, else now.
func effectiveTime(flag time.Time, p *project.Project) time.Time {
	switch {
	case !flag.IsZero():
		return flag.UTC()
	case !p.EffectiveTime.IsZero():
		return p.EffectiveTime
	}
	return time.Now().UTC()
}

// Collect reads every source of the run as of its effective time. It
// returns the facts with every warning; when a source fails, it still
// reads the others, and err holds every error (each naming its file).
func (r *Run) Collect(ctx context.Context) ([]facts.Fact, diag.Diagnostics, error) {
	fs, ds := providers.Collect(ctx, providers.AtTime(r.Project.Sources, r.At))
	if err := ds.Err(); err != nil {
		return nil, ds.Warnings(), err
	}
	ds = append(ds, aws.Inventory(fs)...)
	if len(fs) == 0 {
		ds = append(ds, noFacts("The inputs gave no facts at all: check that the paths name what you meant (a Terraform root module holds .tf files itself; a remote module is read only after terraform init)."))
	}
	return fs, ds.Sort(), nil
}

// NoFactsSummary is the summary of the warning a run gives when its
// inputs hold nothing a policy can judge, so that an empty run is never a
// silent pass.
const NoFactsSummary = "no facts: the inputs hold nothing annexa's policies can judge"

func noFacts(detail string) diag.Diagnostic {
	return diag.Diagnostic{Severity: diag.Warning, Source: "annexa", Summary: NoFactsSummary, Detail: detail}
}

// judgedNothing reports whether facts were collected but no policy
// assessed any of them, in a run that read more than the inputs of the
// roll-up (an applicability file, a risk register): a run of those alone
// asks for the Statement of Applicability or the risks, not for checks.
func judgedNothing(sources []providers.Source, fs []facts.Fact, report *engine.Report) bool {
	if len(fs) == 0 || !slices.ContainsFunc(sources, func(s providers.Source) bool {
		switch s.Provider.(type) {
		case applicability.Provider, riskregister.Provider:
			return false
		}
		return true
	}) {
		return false
	}
	for _, c := range report.Controls {
		if c.Assessed > 0 {
			return false
		}
	}
	return true
}

// Engine builds the engine for the run: the built-in policies, the
// project's policy directories and --policy, as of the effective time.
func (r *Run) Engine(ctx context.Context) (*engine.Engine, error) {
	opts := []engine.Option{
		engine.WithPolicyDirs(r.policyDirs...),
		engine.WithEvalTimeout(r.evalTimeout),
		engine.WithEffectiveTime(r.At),
		engine.WithToolVersion(r.toolVersion),
		engine.WithSelection(r.selection),
	}
	if r.profile {
		opts = append(opts, engine.WithProfiling())
	}
	if kinds, ok := providers.FactKinds(r.Project.Sources); ok {
		opts = append(opts, engine.WithFactKinds(kinds...))
	}
	return engine.New(ctx, opts...)
}

// Anchor is the file findings without a file of their own are reported
// at (SARIF needs one): the project file, else the first input.
func (r *Run) Anchor() string {
	if r.Project.File != "" {
		return r.Project.File
	}
	if len(r.Project.Sources) > 0 {
		return r.Project.Sources[0].Path
	}
	return ""
}

// Result is everything a checked run produced.
type Result struct {
	Run *Run
	// Facts are the facts evaluated; with Inputs.ReleaseAttributes, only
	// the declarations keep their attributes.
	Facts []facts.Fact
	// FactsJSON is the facts as a bundle's facts.json, when
	// Inputs.EncodeFacts was set.
	FactsJSON *bundles.PackedFile
	Engine    *engine.Engine
	Report    *engine.Report
	// Profile is where the run spent its time, when Inputs.Profile was
	// set: collecting, compiling, then the evaluation's own stages and
	// every rule.
	Profile *engine.Profile
}

// Check runs every stage but the bundle: collect, build the engine,
// evaluate. Errors are input errors: a source that cannot be read, a
// policy that does not compile. Controls whose policies failed to
// evaluate are in the report (Report.EvaluationError).
func (r *Run) Check(ctx context.Context) (*Result, error) {
	// Compiling the policies does not depend on the facts, so it runs
	// while they are collected.
	start := time.Now()
	type built struct {
		eng  *engine.Engine
		err  error
		took time.Duration
	}
	engineDone := make(chan built, 1)
	go func() {
		eng, err := r.Engine(ctx)
		engineDone <- built{eng, err, time.Since(start)}
	}()
	fs, warnings, err := r.Collect(ctx)
	collected := time.Since(start)
	if err != nil {
		// The compilation ends on its own; a run that failed, or was
		// stopped by a signal, does not wait for it (its channel is
		// buffered).
		return nil, err
	}
	var b built
	select {
	case b = <-engineDone:
	case <-ctx.Done():
		// Compiling takes no context: stop waiting for it.
		return nil, ctx.Err()
	}
	if b.err != nil {
		return nil, b.err
	}
	eng := b.eng
	if fs, err = r.withParameters(eng, fs); err != nil {
		return nil, err
	}
	ws, err := r.Waivers(fs)
	if err != nil {
		return nil, err
	}
	if eng, err = eng.Waiving(ws); err != nil {
		return nil, err
	}
	var factsJSON *bundles.PackedFile
	if r.encodeFacts {
		if factsJSON, err = bundles.EncodeFacts(fs); err != nil {
			return nil, fmt.Errorf("evidence bundle: %w", err)
		}
	}
	var evalOpts []engine.EvalOption
	if r.release {
		evalOpts = append(evalOpts, engine.ReleaseAttributes())
	}
	report, err := Evaluate(ctx, eng, fs, warnings, evalOpts...)
	if err != nil {
		return nil, err
	}
	var prof *engine.Profile
	if report.Profile != nil {
		prof = &engine.Profile{Rules: report.Profile.Rules, Idle: report.Profile.Idle, Stages: append([]engine.Stage{
			{Name: "collect facts", Time: collected, Concurrent: true},
			{Name: "compile policies", Time: b.took, Concurrent: true},
			{Name: "collect and compile, side by side", Time: max(collected, b.took)},
		}, report.Profile.Stages...)}
	}
	if judgedNothing(r.Project.Sources, fs, report) {
		d := noFacts(fmt.Sprintf("None of the %d facts collected is one a policy judged (of a kind or type a policy reads, and one its criterion applies to), so no control was assessed.", len(fs)))
		report.Diagnostics = append(report.Diagnostics, d).Sort()
	}
	return &Result{Run: r, Facts: fs, FactsJSON: factsJSON, Engine: eng, Report: report, Profile: prof}, nil
}

// withParameters checks the parameters the project file sets against
// those the compiled policies declare (an unknown name or a value of
// another JSON type than the default is an error naming the file and
// line) and, when it sets any, adds the fact recording the value in force
// of every parameter, defaults included, so that the policies read them
// and a replay of the run evaluates with the same values. Without
// parameters: in the project the declared defaults apply, from the policy
// tree a bundle records as well.
func (r *Run) withParameters(eng *engine.Engine, fs []facts.Fact) ([]facts.Fact, error) {
	params := r.Project.Parameters
	if len(params) == 0 {
		return fs, nil
	}
	overrides := map[string]any{}
	var errs []error
	for _, p := range params {
		if err := eng.CheckParameter(p.Name, p.Value); err != nil {
			errs = append(errs, fmt.Errorf("%s: parameters: %w", p.Where(), err))
			continue
		}
		overrides[p.Name] = p.Value
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	src := facts.Source{Provider: "annexa", File: params[0].File, Line: r.Project.ParametersLine}
	return append(fs, engine.ParametersFact(eng.InForce(overrides), src)), nil
}

// Evaluate is the evaluation stage, shared by a run and the replay of a
// bundle: it evaluates facts that were checked against their schemas and
// attaches the warnings they were collected with to the engine's own (a
// policy that does not say what it judged).
func Evaluate(ctx context.Context, eng *engine.Engine, fs []facts.Fact, ds diag.Diagnostics, opts ...engine.EvalOption) (*engine.Report, error) {
	report, err := eng.Evaluate(ctx, fs, opts...)
	if err != nil {
		return nil, err
	}
	report.Diagnostics = append(append(diag.Diagnostics{}, ds.Warnings()...), report.Diagnostics...).Bounded()
	return report, nil
}
