// Package engine compiles annexa's Rego policies once, evaluates them over
// facts in a sandbox, and rolls the findings up into Annex A control status.
package engine

import (
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/resolver"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/engine/waiver"
	"github.com/annexa-dev/annexa/internal/parallel"
	"github.com/annexa-dev/annexa/policies"
	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/facts"
)

// DefaultEvalTimeout bounds the evaluation of one policy.
const DefaultEvalTimeout = 30 * time.Second

// Engine holds compiled policies. It is safe for concurrent use.
type Engine struct {
	// validator checks the declaration facts (applicability, risks, risk
	// settings) against their schemas before the engine reads them.
	validator *facts.Validator
	catalog   *Catalog
	clauseMap *ClauseMap
	compiler  *ast.Compiler
	// runReaders are the paths of the rules that read more of data.run
	// than the effective time (runReaders): their library values are
	// computed again after the roll-up.
	runReaders  []ast.Ref
	policies    []*Policy
	clauseRules []*ClauseRule
	// policyQueries and clauseQueries are prepared once, in New, and line
	// up with policies and clauseRules; each Evaluate only supplies the
	// facts.
	policyQueries []rego.PreparedEvalQuery
	clauseQueries []rego.PreparedEvalQuery
	evalTimeout   time.Duration
	parallelism   int
	now           time.Time
	toolVersion   string
	files         PolicyFiles
	profile       bool
	// params are the declared policy parameters (params.go).
	params map[string]ParameterDecl
	// maxFindings bounds the findings of one policy (MaxFindingsPerPolicy)
	// and maxFindingsBytes those of a run (MaxFindingsBytes); tests lower
	// them.
	maxFindings      int
	maxFindingsBytes int64
	// selection is what the run selected (nil: everything), and
	// deselected counts, per control, the policies it left out.
	selection  *Selection
	deselected map[string]int
	// waivers are the run's waivers (WithWaivers), sorted by file and line.
	waivers []waiver.Waiver
	// factKinds are the kinds of fact Evaluate accepts (WithFactKinds), nil
	// for every kind; idle marks, in the order of policies, those that read
	// none of them and are neither compiled nor evaluated.
	factKinds map[string]bool
	idle      []bool
}

type config struct {
	builtin     bool
	builtinFS   fs.FS
	sources     []PolicySource
	evalTimeout time.Duration
	parallelism int
	now         time.Time
	toolVersion string
	profile     bool
	maxFindings int
	// maxFindingsBytes bounds the findings of a run (MaxFindingsBytes).
	maxFindingsBytes int64
	selection        *Selection
	waivers          []waiver.Waiver
	// factKinds are the kinds of fact the run gives (WithFactKinds), nil
	// when they are not known.
	factKinds map[string]bool
}

// WithSelection evaluates only the controls and policies s selects
// (Selection); a pattern that is not a glob or matches nothing is an
// error of New.
func WithSelection(s Selection) Option {
	return func(c *config) {
		if n := s.normalized(); !n.Empty() {
			c.selection = &n
		}
	}
}

// Option configures New.
type Option func(*config)

// WithPolicyDirs adds directories of Rego policies to the built-in ones.
func WithPolicyDirs(dirs ...string) Option {
	return func(c *config) {
		for _, d := range dirs {
			c.sources = append(c.sources, DirSource(d))
		}
	}
}

// WithPolicySources adds policy trees from any file system to the built-in
// ones; each source's Name prefixes its file names in messages.
func WithPolicySources(srcs ...PolicySource) Option {
	return func(c *config) { c.sources = append(c.sources, srcs...) }
}

// WithPolicyFS evaluates the policy tree in fsys instead of the embedded
// one. fsys is laid out like policies.FS (controls/, lib/ and the catalog
// at policies.CatalogPath); replaying an evidence bundle loads the recorded
// tree this way, so it is the recorded policies that run, not the binary's.
func WithPolicyFS(fsys fs.FS) Option { return func(c *config) { c.builtinFS = fsys } }

// WithoutBuiltinPolicies evaluates only the policies given with
// WithPolicyDirs; the built-in library (policies/lib), the clause rules
// (policies/clauses) and the policies over the residual risks
// (policies/risk) stay.
func WithoutBuiltinPolicies() Option { return func(c *config) { c.builtin = false } }

// WithEvalTimeout bounds the evaluation of each policy (default
// DefaultEvalTimeout).
func WithEvalTimeout(d time.Duration) Option { return func(c *config) { c.evalTimeout = d } }

// WithParallelism sets how many policies evaluate at once (default: the
// number of usable CPUs).
func WithParallelism(n int) Option { return func(c *config) { c.parallelism = n } }

// WithEffectiveTime sets the time the evaluation is as of; policies see it
// as data.run.effective_time and no policy can read the clock.
func WithEffectiveTime(t time.Time) Option { return func(c *config) { c.now = t } }

// WithProfiling makes Evaluate record where it spent its time and the
// evaluation work of each policy and clause rule (Report.Profile). A
// profiled evaluation runs one rule at a time and is slower.
func WithProfiling() Option { return func(c *config) { c.profile = true } }

// WithToolVersion records the annexa version in reports.
func WithToolVersion(v string) Option { return func(c *config) { c.toolVersion = v } }

// New loads the catalog and every policy, checks their METADATA and
// compiles them once against the sandbox capabilities.
func New(ctx context.Context, opts ...Option) (*Engine, error) {
	cfg := config{builtin: true, builtinFS: policies.FS}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.evalTimeout <= 0 {
		cfg.evalTimeout = DefaultEvalTimeout
	}
	if cfg.parallelism <= 0 {
		cfg.parallelism = runtime.GOMAXPROCS(0)
	}
	if cfg.maxFindings <= 0 {
		cfg.maxFindings = MaxFindingsPerPolicy
	}
	if cfg.maxFindingsBytes <= 0 {
		cfg.maxFindingsBytes = MaxFindingsBytes
	}
	if cfg.now.IsZero() {
		cfg.now = time.Now()
	}
	if cfg.toolVersion == "" {
		cfg.toolVersion = "devel"
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkWaivers(cfg.waivers); err != nil {
		return nil, err
	}

	catRaw, err := fs.ReadFile(cfg.builtinFS, policies.CatalogPath)
	if err != nil {
		return nil, fmt.Errorf("read control catalog: %w", err)
	}
	cat, err := loadCatalog(cfg.builtinFS, catRaw)
	if err != nil {
		return nil, err
	}
	clausesRaw, err := fs.ReadFile(cfg.builtinFS, policies.ClausesPath)
	if err != nil {
		return nil, fmt.Errorf("read clause map: %w", err)
	}
	clauseMap, err := ParseClauseMap(clausesRaw, policies.ClausesPath)
	if err != nil {
		return nil, err
	}
	loaded, err := loadAllModules(builtinSource(cfg.builtinFS), cfg.builtin, cfg.sources, false)
	if err != nil {
		return nil, err
	}
	loaded.files.Builtin[policies.CatalogPath] = catRaw
	loaded.files.Builtin[policies.ClausesPath] = clausesRaw
	mods := loaded.modules
	pols, err := policiesFromModules(mods, loaded.builtin, cat)
	if err != nil {
		return nil, err
	}
	var deselected map[string]int
	var deselectedPolicies []*Policy
	if sel := cfg.selection; sel != nil {
		ids := make([]string, len(cat.Controls))
		for i, c := range cat.Controls {
			ids[i] = c.ID
		}
		if err := sel.check(pols, ids); err != nil {
			return nil, fmt.Errorf("selection: %w", err)
		}
		deselected = map[string]int{}
		pols = slices.DeleteFunc(pols, func(p *Policy) bool {
			if p.AfterRollUp() || sel.policy(p) {
				return false
			}
			for _, c := range p.Controls {
				deselected[c]++
			}
			deselectedPolicies = append(deselectedPolicies, p)
			return true
		})
	}
	rules, err := clauseRulesFromModules(mods, loaded.builtin, clauseMap, cat)
	if err != nil {
		return nil, err
	}
	// The policies a run will not evaluate are not compiled: those that
	// read none of its kinds of fact and those its selection left out.
	userRead := userReaders(mods, loaded.builtin)
	idle := idlePolicies(pols, cfg.factKinds, userRead)
	compiled := without(mods, uncompiled(pols, idle, deselectedPolicies, userRead))
	compiler, err := compile(compiled, len(cfg.sources) == 0 && isEmbedded(cfg.builtinFS))
	if err != nil {
		return nil, err
	}
	validator, err := facts.NewValidator()
	if err != nil {
		return nil, err
	}
	e := &Engine{
		validator:        validator,
		catalog:          cat,
		clauseMap:        clauseMap,
		compiler:         compiler,
		runReaders:       runReaders(compiler),
		policies:         pols,
		clauseRules:      rules,
		evalTimeout:      cfg.evalTimeout,
		maxFindings:      cfg.maxFindings,
		maxFindingsBytes: cfg.maxFindingsBytes,
		selection:        cfg.selection,
		deselected:       deselected,
		waivers:          cfg.waivers,
		factKinds:        cfg.factKinds,
		idle:             idle,
		parallelism:      cfg.parallelism,
		now:              cfg.now.UTC(),
		toolVersion:      cfg.toolVersion,
		files:            loaded.files,
		profile:          cfg.profile,
	}
	if e.profile {
		e.parallelism = 1
	}
	// Each query is prepared on its own against the shared compiler, so
	// they are prepared on every CPU: it is most of a run's start-up.
	queries := make([]string, 0, len(pols)+len(rules))
	names := make([]string, 0, cap(queries))
	for _, p := range pols {
		queries = append(queries, policyQuery(p))
		names = append(names, "policy "+p.ID)
	}
	for _, rule := range rules {
		ref := "data." + rule.Package
		queries = append(queries, fmt.Sprintf("status := %s.status; met := %s.met; gaps := %s.gaps", ref, ref, ref))
		names = append(names, "clause rule "+rule.ID)
	}
	prepared := make([]rego.PreparedEvalQuery, len(queries))
	errs := make([]error, len(queries))
	parallel.ForEach(len(queries), cfg.parallelism, func(i int) {
		if i < len(pols) && idle[i] {
			return
		}
		if prepared[i], errs[i] = e.prepare(ctx, queries[i]); errs[i] != nil {
			errs[i] = fmt.Errorf("prepare %s: %w", names[i], errs[i])
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	e.policyQueries, e.clauseQueries = prepared[:len(pols)], prepared[len(pols):]
	if e.params, err = e.readParameters(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// prepare compiles query against the engine's policies. The facts and the
// run document are not in a store but supplied to each evaluation by
// evalData, so that one prepared query serves every Evaluate.
func (e *Engine) prepare(ctx context.Context, query string) (rego.PreparedEvalQuery, error) {
	return rego.New(
		rego.Query(query),
		rego.Compiler(e.compiler),
		// The compiler's own: the query's parser reads them, and without
		// them it makes OPA's full set for each of the queries.
		rego.Capabilities(e.compiler.Capabilities()),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
}

// evalData is the data an evaluation reads besides the policies: the facts
// as data.facts and the run document as data.run; rec is set when the
// evaluation is profiled, and library holds the library values computed
// over this data, when they are shared (not when profiling: each rule's
// profile then counts all the work it needs).
type evalData struct {
	facts, run ast.Value
	rec        *recorder
	library    *libraryValues
}

// withRun returns the data with run as data.run, which holds what the old
// one did and more; of the library values computed over the old one, those
// of runReaders are not carried over.
func (d evalData) withRun(run ast.Value, runReaders []ast.Ref) evalData {
	d.run = run
	if d.library != nil {
		d.library = d.library.carry(runReaders)
	}
	return d
}

// The refs evalData resolves; parsing them once, not for every query of
// every evaluation, is a measurable part of evaluating small inputs.
var (
	factsRef = ast.MustParseRef("data.facts")
	runRef   = ast.MustParseRef("data.run")
)

func (d evalData) options() []rego.EvalOption {
	opts := []rego.EvalOption{
		rego.EvalResolver(factsRef, constResolver{d.facts}),
		rego.EvalResolver(runRef, constResolver{d.run}),
	}
	if d.library != nil {
		opts = append(opts, rego.EvalVirtualCache(d.library.forQuery()))
	}
	return opts
}

// constResolver resolves a ref to a value built once per evaluation.
type constResolver struct{ v ast.Value }

func (r constResolver) Eval(context.Context, resolver.Input) (resolver.Result, error) {
	return resolver.Result{Value: r.v}, nil
}

// builtinSource is the built-in policy tree; the library and the clause
// rules are always loaded, the controls only when the built-in policies are
// wanted.
func builtinSource(fsys fs.FS) PolicySource {
	return PolicySource{FS: fsys, Name: "policies", Builtin: true}
}

// loadedPolicies are the parsed modules by file name, the names that are
// built in, and the source of everything loaded.
type loadedPolicies struct {
	modules map[string]*ast.Module
	builtin map[string]bool
	files   PolicyFiles
}

// loadAllModules parses the built-in library, the built-in controls (when
// builtin is set) and every extra source.
func loadAllModules(builtinSrc PolicySource, builtin bool, sources []PolicySource, withTests bool) (*loadedPolicies, error) {
	out := &loadedPolicies{
		modules: map[string]*ast.Module{},
		builtin: map[string]bool{},
		files:   PolicyFiles{Builtin: map[string][]byte{}},
	}
	all := out.modules
	embedded, raw, err := readModules(builtinSrc, withTests)
	if err != nil {
		return nil, err
	}
	for name, m := range embedded {
		rel := strings.TrimPrefix(name, builtinSrc.Name+"/")
		if !inBuiltinTree(rel, builtin) {
			continue
		}
		all[name] = m
		out.builtin[name] = true
		out.files.Builtin[rel] = raw[rel]
	}
	builtinPkgs := map[string]string{}
	for name, m := range all {
		builtinPkgs[m.Package.Path.String()] = name
	}
	for _, src := range sources {
		mods, raw, err := readModules(src, withTests)
		if err != nil {
			return nil, err
		}
		if len(mods) == 0 {
			return nil, fmt.Errorf("policy directory %s holds no .rego files", src.Name)
		}
		for _, name := range slices.Sorted(maps.Keys(mods)) {
			m := mods[name]
			if !src.Builtin {
				if err := userPackage(name, m); err != nil {
					return nil, err
				}
			}
			if prev, ok := builtinPkgs[m.Package.Path.String()]; ok {
				return nil, fmt.Errorf("%s: package %s is already defined by the built-in %s; choose another package name", name, strings.TrimPrefix(m.Package.Path.String(), "data."), prev)
			}
			if _, dup := all[name]; dup {
				return nil, fmt.Errorf("policy file %s given twice", name)
			}
			all[name] = m
		}
		out.files.Sources = append(out.files.Sources, SourceFiles{Name: src.Name, Files: raw})
	}
	return out, nil
}

// Compile compiles modules against the sandbox capabilities.
func Compile(mods map[string]*ast.Module) (*ast.Compiler, error) {
	return compile(mods, false)
}

// builtinSkippedStages are the compiler's stages a run skips for the
// embedded policies, which the tests compile with every stage
// (TestBuiltinPoliciesPassEveryCheck) and find compiled alike without
// them. Most only look for errors: they change nothing that evaluation
// reads (the sandbox's own such stage, localTimeStage, is left out by
// compile), and the type environment CheckTypes builds is read by the
// others of them and by the type check of each prepared query, which does
// without. The last three rewrite what no built-in policy holds: print
// calls (compiled out, as printing is off), template strings and
// rego.metadata calls; each walked every rule to find none.
var builtinSkippedStages = []ast.StageID{
	ast.StageCheckUnusedImports,
	ast.StageCheckKeywordOverrides,
	ast.StageCheckVoidCalls,
	ast.StageCheckRuleConflicts,
	ast.StageCheckUndefinedFuncs,
	ast.StageCheckRecursion,
	ast.StageCheckTypes,
	ast.StageCheckUnsafeBuiltins,
	ast.StageCheckDeprecatedBuiltins,
	ast.StageRewritePrintCalls,
	ast.StageRewriteTemplateStrings,
	ast.StageRewriteRegoMetadataCalls,
}

// compile compiles modules against the sandbox capabilities. With
// checked, the modules are the embedded built-in policies, which the
// tests compile with every stage: the stages of builtinSkippedStages are
// skipped, more than a quarter of the compiler's time, which every run spends
// before it can evaluate anything. Any other policy, a user's or a
// bundle's, goes through every stage.
func compile(mods map[string]*ast.Module, checked bool) (*ast.Compiler, error) {
	c := ast.NewCompiler().
		WithCapabilities(SandboxCapabilities()).
		WithEnablePrintStatements(false)
	if checked {
		c = c.WithSkipStages(builtinSkippedStages...)
	} else {
		c = c.WithStageAfterID(ast.StageRewriteExprTerms, localTimeStage)
	}
	c.Compile(mods)
	if c.Failed() {
		return nil, fmt.Errorf("compile policies: %w", c.Errors)
	}
	return c, nil
}

// loadCatalog parses the catalog read from fsys: the embedded one is
// parsed once per process and shared (catalog.Builtin), a recorded one
// (replaying a bundle) is parsed here.
func loadCatalog(fsys fs.FS, raw []byte) (*Catalog, error) {
	if isEmbedded(fsys) {
		return catalog.Builtin()
	}
	return catalog.Parse(raw, policies.CatalogPath)
}

// isEmbedded reports whether fsys is the policy tree built into annexa.
func isEmbedded(fsys fs.FS) bool {
	embedded, ok := fsys.(embed.FS)
	return ok && embedded == policies.FS
}

// Catalog returns the control catalog.
func (e *Engine) Catalog() *Catalog { return e.catalog }

// ClauseMap returns the clauses 4 to 10 and what decides each.
func (e *Engine) ClauseMap() *ClauseMap { return e.clauseMap }

// ClauseRules returns the loaded clause rules sorted by id.
func (e *Engine) ClauseRules() []*ClauseRule { return slices.Clone(e.clauseRules) }

// Policies returns the loaded policies sorted by id.
func (e *Engine) Policies() []*Policy { return slices.Clone(e.policies) }

// PolicyFiles returns the source of every policy file the engine compiled
// and of the catalog. The maps are shared; do not modify them.
func (e *Engine) PolicyFiles() PolicyFiles { return e.files }

// EvalTimeout is the time limit of each policy's evaluation.
func (e *Engine) EvalTimeout() time.Duration { return e.evalTimeout }

// EffectiveTime is the time the evaluation is as of.
func (e *Engine) EffectiveTime() time.Time { return e.now }

// EvalOption configures one Evaluate.
type EvalOption func(*evalConfig)

type evalConfig struct {
	release bool
}

// ReleaseAttributes lets Evaluate drop what only the policies read of the
// facts it is given once it has converted them to the values the policies
// read: it sets the Attributes of fs to nil, and the other parts only a
// fact's document holds (Actions, Unknown, Sensitive, Detected,
// Configured, References), but for the declarations the engine reads
// itself (applicability, risks, risk settings, parameters). For a large
// input they are then not held twice for the whole evaluation. A caller
// that reads them after Evaluate (to write an evidence bundle, to list
// the facts) must not give it.
func ReleaseAttributes() EvalOption { return func(c *evalConfig) { c.release = true } }

// Evaluate runs every policy over fs and returns the report. Policy failures
// (errors, time-outs) are recorded on their controls, not returned; the
// error is for a cancelled context or facts that cannot be loaded.
func (e *Engine) Evaluate(ctx context.Context, fs []facts.Fact, opts ...EvalOption) (*Report, error) {
	var cfg evalConfig
	for _, o := range opts {
		o(&cfg)
	}
	var rec *recorder
	if e.profile {
		rec = newRecorder()
	}
	idx, err := newFactIndex(fs, e.parallelism)
	if err != nil {
		return nil, err
	}
	if err := e.checkKinds(idx); err != nil {
		return nil, err
	}
	if cfg.release {
		idx.releaseAttributes(fs)
	}
	if err := e.checkParametersFacts(idx); err != nil {
		return nil, err
	}
	data := evalData{facts: idx.document, run: ast.MustInterfaceToValue(e.controlRun()), rec: rec}
	if rec == nil {
		data.library = newLibraryValues()
	}
	rec.stage("fact documents")

	results := make([]policyOutcome, len(e.policies))
	order := e.heaviestFirst(idx)
	e.forEach(len(order), func(k int) {
		i := order[k]
		results[i] = e.evalPolicy(ctx, data, i, idx)
	})
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("evaluate policies: %w", err)
	}
	e.boundFindings(results)
	rec.stage("policies")
	decl, err := e.readDeclarations(idx)
	if err != nil {
		return nil, err
	}
	waive := newWaiving(e)
	r := e.rollUp(idx, results, decl, waive)
	// The second phase reads the roll-up as data.run: the policies over
	// the residual risks, then the clause rules.
	run, err := e.runDocument(r)
	if err != nil {
		return nil, fmt.Errorf("run document: %w", err)
	}
	data = data.withRun(run, e.runReaders)
	for i, p := range e.policies {
		if !p.AfterRollUp() {
			continue
		}
		o := e.evalPolicy(ctx, data, i, idx)
		if o.err != nil {
			return nil, fmt.Errorf("policy %s (%s): %w", p.ID, p.File, o.err)
		}
		waive.apply(o.findings)
		r.Findings = append(r.Findings, o.findings...)
	}
	var waiverWarnings diag.Diagnostics
	r.Waivers, waiverWarnings = waive.report(r.Risks)
	r.Diagnostics = append(r.Diagnostics, waiverWarnings...)
	rec.stage("roll-up and risk policies")
	if r.Clauses, err = e.evaluateClauses(ctx, data); err != nil {
		return nil, err
	}
	r.finish()
	rec.stage("clauses")
	if r.Profile = rec.profile(); r.Profile != nil {
		r.Profile.Idle = e.IdlePolicies()
	}
	return r, nil
}

// evalQuery runs one prepared query within the evaluation time limit, and
// records its cost under id when the evaluation is profiled.
func (e *Engine) evalQuery(ctx context.Context, data evalData, pq rego.PreparedEvalQuery, id, file string) (rego.ResultSet, error) {
	ctx, cancel := context.WithTimeout(ctx, e.evalTimeout)
	defer cancel()
	opts := data.options()
	var prof *profiler.Profiler
	if data.rec != nil {
		prof = profiler.New()
		opts = append(opts, rego.EvalQueryTracer(prof))
	}
	start := time.Now()
	rs, err := pq.Eval(ctx, opts...)
	if prof != nil {
		data.rec.rule(id, file, time.Since(start), prof)
	}
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("evaluation exceeded the %s time limit", e.evalTimeout)
	}
	return rs, err
}

// heaviestFirst lists the control policies, those evaluated before the
// roll-up, in the order to start them: most facts to read first, so that
// a policy over every resource does not start last and leave the other
// workers idle while it runs. Results go to each policy's own slot, so
// the order changes nothing but the time taken.
func (e *Engine) heaviestFirst(idx *factIndex) []int {
	var order []int
	weight := make([]int, len(e.policies))
	for i, p := range e.policies {
		if p.AfterRollUp() {
			continue
		}
		order = append(order, i)
		for _, sel := range p.Inputs {
			weight[i] += len(idx.ids[sel])
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(weight[b], weight[a]) })
	return order
}

// forEach calls fn for 0 to n-1 on up to e.parallelism goroutines and
// returns when every call has.
func (e *Engine) forEach(n int, fn func(i int)) { parallel.ForEach(n, e.parallelism, fn) }

type policyOutcome struct {
	findings []Finding
	// assessed are the facts the policy judged and those its findings are
	// about, read the facts its inputs match (judged.go, settle).
	assessed, read []string
	// judged is the value of its judged rule; unjudged are facts of
	// findings that judged does not list, strays the ids in judged that
	// name no fact.
	judged, unjudged, strays []string
	err                      error
	// bytes is the size of the findings (findingBytes).
	bytes int64
}

// boundFindings holds the findings of a run within e.maxFindingsBytes,
// so that its report (and the bundle recording it) stays within what a
// reader accepts however many policies each stay within their own bound.
// Policies are counted in their order, not in the order they finished,
// so the policy whose findings cross the bound is the same on every run;
// it is marked as failed to evaluate, as an over-long finding set is, and
// its findings are dropped.
func (e *Engine) boundFindings(results []policyOutcome) {
	var total int64
	for i := range results {
		o := &results[i]
		if o.err != nil || o.bytes == 0 {
			continue
		}
		if total+o.bytes > e.maxFindingsBytes {
			o.err = fmt.Errorf("its %d findings (%d KiB) would take the run's findings over %d MiB, the most a report holds", len(o.findings), o.bytes>>10, e.maxFindingsBytes>>20)
			o.findings, o.judged, o.bytes = nil, nil, 0
			continue
		}
		total += o.bytes
	}
}

func (e *Engine) evalPolicy(ctx context.Context, data evalData, i int, idx *factIndex) policyOutcome {
	p := e.policies[i]
	out := policyOutcome{assessed: idx.matching(p.Inputs)}
	if e.idle[i] {
		// checkKinds has made sure it has nothing to read: out is what
		// its evaluation would give.
		return out
	}
	rs, err := e.evalQuery(ctx, data, e.policyQueries[i], p.ID, p.File)
	if err != nil {
		out.err = err
		return out
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return out
	}
	raw, ok := rs[0].Expressions[0].Value.([]any)
	if !ok {
		out.err = fmt.Errorf("deny must be a set of findings, got %T", rs[0].Expressions[0].Value)
		return out
	}
	if len(raw) > e.maxFindings {
		out.err = fmt.Errorf("the policy gave %d findings, more than the %d a policy may give", len(raw), e.maxFindings)
		return out
	}
	for _, v := range raw {
		f, size, err := e.toFinding(p, v, idx)
		if err != nil {
			out.err = err
			return out
		}
		out.findings = append(out.findings, f)
		out.bytes += size
	}
	out.judged, out.err = judgedIDs(p, rs[0].Expressions[1:])
	return out
}
