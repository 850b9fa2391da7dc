package engine

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/internal/parallel"
	"github.com/annexa-dev/annexa/providers/facts"
)

// factIndex is data.facts converted to AST values once, plus the lookups the
// engine needs to attribute findings and count what each policy assessed.
type factIndex struct {
	document ast.Object
	byID     map[string]*facts.Fact
	// ids lists fact ids per input selector ("resource:aws_s3_bucket").
	ids map[string][]string
	// byKind lists the facts of each kind, sorted by id.
	byKind map[string][]*facts.Fact
}

// selectorsOf lists the input selectors a fact matches.
func selectorsOf(f *facts.Fact) []string {
	if f.Kind == facts.KindResource {
		switch {
		case f.Mode == facts.ModeData:
			return []string{"data", "data:" + f.Type}
		case f.DeleteOnly():
			return nil
		default:
			return []string{"resource", "resource:" + f.Type}
		}
	}
	if f.Type == "" {
		return []string{f.Kind}
	}
	return []string{f.Kind, f.Kind + ":" + f.Type}
}

func newFactIndex(fs []facts.Fact, parallelism int) (*factIndex, error) {
	idx := &factIndex{byID: make(map[string]*facts.Fact, len(fs)), ids: map[string][]string{}, byKind: map[string][]*facts.Fact{}}
	byType := map[string][]*ast.Term{}
	dataByType := map[string][]*ast.Term{}
	byKind := map[string][]*ast.Term{}
	byKindType := map[string]map[string][]*ast.Term{}
	var environments [][2]*ast.Term
	byEnvironment := map[string][]*ast.Term{}
	var withDetected []*ast.Term
	// The providers hand over their facts sorted; a copy is sorted only
	// when they are not, as they are not from every caller.
	sorted := fs
	if !facts.Sorted(fs) {
		sorted = slices.Clone(fs)
		facts.Sort(sorted)
	}
	terms, err := factTerms(sorted, parallelism)
	if err != nil {
		return nil, err
	}
	for i := range sorted {
		f := &sorted[i]
		if _, dup := idx.byID[f.ID]; dup {
			return nil, fmt.Errorf("%s: two facts share the id %q", f.Source.File, f.ID)
		}
		idx.byID[f.ID] = f
		idx.byKind[f.Kind] = append(idx.byKind[f.Kind], f)
		t := terms[i]
		byKind[f.Kind] = append(byKind[f.Kind], t)
		if len(f.Detected) > 0 {
			withDetected = append(withDetected, t)
		}
		for _, sel := range selectorsOf(f) {
			idx.ids[sel] = append(idx.ids[sel], f.ID)
		}
		if f.Kind != facts.KindResource {
			if f.Type != "" {
				if byKindType[f.Kind] == nil {
					byKindType[f.Kind] = map[string][]*ast.Term{}
				}
				byKindType[f.Kind][f.Type] = append(byKindType[f.Kind][f.Type], t)
			}
			continue
		}
		switch {
		case f.Mode == facts.ModeData:
			dataByType[f.Type] = append(dataByType[f.Type], t)
		case !f.DeleteOnly():
			byType[f.Type] = append(byType[f.Type], t)
			if env, ok := environmentTag(f.Attributes); ok {
				environments = append(environments, ast.Item(ast.StringTerm(f.ID), ast.StringTerm(env)))
				byEnvironment[env] = append(byEnvironment[env], t)
			}
		}
	}
	idx.document = ast.NewObject(
		ast.Item(ast.StringTerm("resources_by_type"), groupTerm(byType)),
		ast.Item(ast.StringTerm("data_by_type"), groupTerm(dataByType)),
		ast.Item(ast.StringTerm("by_kind"), groupTerm(byKind)),
		ast.Item(ast.StringTerm("by_type"), nestedGroupTerm(byKindType)),
		ast.Item(ast.StringTerm("environments"), ast.ObjectTerm(environments...)),
		ast.Item(ast.StringTerm("resources_by_environment"), groupTerm(byEnvironment)),
		// The few facts a provider found a literal secret in, so that
		// c5_17.literal_secrets need not look at every fact.
		ast.Item(ast.StringTerm("with_detected"), ast.ArrayTerm(withDetected...)),
	)
	// The parameter values in force, which policies read through
	// params.value (policies/lib/params.rego); without the fact, the
	// declared defaults apply.
	if ps := idx.byKind[facts.KindParameters]; len(ps) > 0 {
		v, err := ast.InterfaceToValue(ps[0].Attributes)
		if err != nil {
			return nil, fmt.Errorf("%s: load parameters: %w", ps[0].Source.File, err)
		}
		idx.document.Insert(ast.StringTerm("parameters"), ast.NewTerm(v))
	}
	return idx, nil
}

// environmentTag is the environment a managed resource is tagged or
// labelled with, as data.facts.environments holds it: of its tags or
// labels (resourceLabels), the values of the keys that name an environment
// (isEnvironmentKey), the least if several. It is what labels.value(r,
// environment keys) computes in Rego (policies/lib/labels.rego), computed
// once here because control 8.31 reads it for every resource of a plan.
// The resources with one are also grouped by it, under
// data.facts.resources_by_environment, so that 8.31 classifies each
// environment once and visits only the resources it judges.
func environmentTag(attrs map[string]any) (string, bool) {
	env, found := "", false
	for k, v := range resourceLabels(attrs) {
		s, ok := v.(string)
		if !ok || !isEnvironmentKey(normalizeKey(k)) {
			continue
		}
		if !found || s < env {
			env, found = s, true
		}
	}
	return env, found
}

// isEnvironmentKey reports whether a normalized tag or label key
// (normalizeKey) names an environment: Environment, Env, Stage,
// deployment_environment in any case.
func isEnvironmentKey(k string) bool {
	switch k {
	case "environment", "env", "stage", "deploymentenvironment":
		return true
	}
	return false
}

// resourceLabels are the tags or labels of a resource as labels.of reads
// them: tags_all, effective_labels, tags, labels or settings[0].user_labels,
// the first that is an object.
func resourceLabels(attrs map[string]any) map[string]any {
	for _, k := range [...]string{"tags_all", "effective_labels", "tags", "labels"} {
		if m, ok := attrs[k].(map[string]any); ok {
			return m
		}
	}
	if settings, ok := attrs["settings"].([]any); ok && len(settings) > 0 {
		if first, ok := settings[0].(map[string]any); ok {
			if m, ok := first["user_labels"].(map[string]any); ok {
				return m
			}
		}
	}
	return nil
}

// normalizeKey is tags.normalize (policies/lib/tags.rego): the key's ASCII
// letters and digits, in lower case.
func normalizeKey(k string) string {
	b := make([]byte, 0, len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b = append(b, c)
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b)
}

// factTerms converts every fact's document to an AST term, the form
// policies read, in chunks on up to parallelism goroutines: for a large
// plan this conversion is a large part of the evaluation's set-up.
func factTerms(fs []facts.Fact, parallelism int) ([]*ast.Term, error) {
	terms := make([]*ast.Term, len(fs))
	errs := make([]error, len(fs))
	// One chunk per goroutine, so that equal values share one term
	// across as many facts as possible.
	size := max(256, (len(fs)+parallelism-1)/max(parallelism, 1))
	parallel.Chunks(len(fs), size, parallelism, func(start, end int) {
		b := newTermBuilder()
		for i := start; i < end; i++ {
			t, err := b.fact(&fs[i])
			if err != nil {
				errs[i] = fmt.Errorf("%s: load fact %q: %w", fs[i].Source.File, fs[i].ID, err)
				continue
			}
			terms[i] = t
		}
	})
	return terms, errors.Join(errs...)
}

func groupTerm(groups map[string][]*ast.Term) *ast.Term {
	obj := ast.NewObject()
	for k, ts := range groups {
		obj.Insert(ast.StringTerm(k), ast.ArrayTerm(ts...))
	}
	return ast.NewTerm(obj)
}

func nestedGroupTerm(groups map[string]map[string][]*ast.Term) *ast.Term {
	obj := ast.NewObject()
	for k, g := range groups {
		obj.Insert(ast.StringTerm(k), groupTerm(g))
	}
	return ast.NewTerm(obj)
}

// releaseAttributes sets to nil what only the policies read of the facts
// in fs, and of the index's copies of them: the attributes, and the lists
// and maps that only their documents hold (actions, unknown and sensitive
// paths, detections, configured arguments, references), of every fact but
// the declarations the engine reads in Go (readDeclarations,
// checkParametersFacts). What the report and its locations are made of
// (id, kind, type, addresses, source) is kept. See ReleaseAttributes.
func (idx *factIndex) releaseAttributes(fs []facts.Fact) {
	release := func(f *facts.Fact) {
		switch f.Kind {
		case facts.KindApplicability, facts.KindRisk, facts.KindRiskSettings, facts.KindParameters:
		default:
			f.Attributes = nil
			f.Actions, f.Unknown, f.Sensitive, f.Configured = nil, nil, nil, nil
			f.Detected, f.References = nil, nil
		}
	}
	for i := range fs {
		release(&fs[i])
	}
	for _, f := range idx.byID {
		release(f)
	}
}

// matching returns the sorted, distinct ids of the facts that the given
// input selectors match.
func (idx *factIndex) matching(selectors []string) []string {
	var out []string
	for _, sel := range selectors {
		out = append(out, idx.ids[sel]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// DataDocument returns the data a policy reads besides its input, as JSON
// values: the facts under "facts", indexed as Evaluate indexes them, and
// the run document under "run" as the control policies see it. Given to
// the stock OPA CLI (opa eval -d), it lets the built-in policies be
// evaluated outside annexa, as the benchmark does for comparison.
func (e *Engine) DataDocument(fs []facts.Fact) (map[string]any, error) {
	idx, err := newFactIndex(fs, e.parallelism)
	if err != nil {
		return nil, err
	}
	factsDoc, err := ast.JSON(idx.document)
	if err != nil {
		return nil, fmt.Errorf("facts document: %w", err)
	}
	return map[string]any{
		"facts": factsDoc,
		"run":   e.controlRun(),
	}, nil
}

// controlRun is data.run as the control policies see it: the effective
// time, before anything is rolled up.
func (e *Engine) controlRun() map[string]any {
	return map[string]any{
		"effective_time":    e.now.Format(time.RFC3339Nano),
		"effective_time_ns": e.now.UnixNano(),
	}
}
