// Package tfsource collects resource facts from Terraform source: a
// directory of .tf and .tf.json files, before any plan exists.
//
// It evaluates the configuration the way terraform plan would for a fresh
// deployment: input variables (defaults, variable files, --var), locals,
// count and for_each, dynamic blocks, local modules and Terraform's
// built-in functions. What a plan knows only after apply (ids, ARNs,
// attributes the configuration does not set, data sources, remote
// modules) stays unknown, so the facts have the same shape as the plan
// provider's and the same policies judge both. docs/facts.md lists what is
// evaluated and what is not.
package tfsource

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/redact"
)

// Name is the provider name recorded in each fact's source.
const Name = "terraform-source"

// Provider reads a Terraform root module directory.
type Provider struct {
	// Vars are the --var and --var-file options, in command-line order.
	Vars []Var
	// Environ holds the environment variables Terraform reads:
	// TF_VAR_NAME=VALUE set input variables, TF_WORKSPACE names
	// terraform.workspace; others are ignored.
	Environ []string

	// Strict makes the provider refuse what terraform validate refuses: a
	// reference to an undeclared resource, data source, module output,
	// local or variable, a file function's file that is missing or may not
	// be read, and a local module directory that does not exist are
	// errors. Without it they are unknown values with a warning, so that
	// the rest of the configuration is still judged.
	Strict bool

	// ScanRoot, when set, is the directory the root module was discovered
	// under (Roots): files are confined to it, or to the top of the git
	// repository enclosing it, rather than to the root module's own
	// directory.
	ScanRoot string

	// Timeout bounds the time evaluation may take; zero means
	// DefaultTimeout.
	Timeout time.Duration

	// fsys replaces the OS file system in tests.
	fsys fileSystem
	// limits replaces defaultLimits in tests.
	limits *limits
}

// FactKinds is the kinds of fact Terraform source gives (providers.Kinded).
func (Provider) FactKinds() []string { return []string{facts.KindResource} }

// Collect evaluates the root module in dir and returns one fact per
// resource instance and data source, sorted by address, with a warning for
// each thing it could not evaluate (a remote module, a function annexa
// does not evaluate). Invalid configuration gives an error diagnostic for
// every problem, at its file:line:col, and no facts.
func (p Provider) Collect(ctx context.Context, dir string) ([]facts.Fact, diag.Diagnostics) {
	fsys := p.fsys
	if fsys == nil {
		fsys = osFS{}
	}
	timeout := p.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeoutCause(ctx, timeout, errTimeout{timeout})
	defer cancel()
	lim := defaultLimits
	if p.limits != nil {
		lim = *p.limits
	}
	dir = filepath.Clean(dir)
	sb, err := newSandbox(fsys, dir, p.ScanRoot)
	if err != nil {
		return nil, diag.Diagnostics{{
			Severity: diag.Error, Source: Name, File: dir,
			Summary: "Unreadable configuration directory", Detail: describeDirError(dir, err).Error(),
		}}
	}
	l := newLoader(sb, dir, p.Strict)
	l.readModulesManifest()
	root := l.loadModule(dir, 0, nil, "")
	var values map[string]rootValue
	if root != nil {
		values = l.rootValues(root, p.Environ, p.Vars)
	}
	for _, name := range sortedKeys(l.funcs) {
		if isUnevaluatedFunc(name) {
			rng := l.funcs[name]
			l.warnf(&rng, "Function not evaluated", "annexa does not evaluate %s; values computed with it are unknown.", name)
		}
	}
	if root == nil || l.diags.HasErrors() {
		return nil, convertDiags(l.diags, redact.New(rootSecrets(root, values)))
	}

	ev := &evaluator{
		ctx: ctx, sb: sb, rootDir: dir, strict: p.Strict, workspace: p.workspace(),
		names: l.attributeNames(), calledFuncs: l.funcs, lim: lim,
	}
	rootInst := newModInst(root, "", nil, nil, instKey{})
	rootInst.rootValues = values
	ev.walk(rootInst)
	if ev.err != nil {
		err := ev.err
		if ev.errAt != nil && !strings.HasPrefix(err.Error(), ev.errAt.Filename) {
			err = fmt.Errorf("%s: %w", rangeString(*ev.errAt), err)
		}
		return nil, diag.FromError(err, Name)
	}
	if err := ev.convertTypes(rootInst); err != nil {
		return nil, diag.FromError(err, Name)
	}
	if err := ev.applyDefaultTags(rootInst); err != nil {
		return nil, diag.FromError(err, Name)
	}
	red := redact.New(ev.secrets)
	ds := convertDiags(append(l.diags, ev.diags...), red)
	if ds.HasErrors() {
		return nil, ds
	}
	var out []facts.Fact
	if err := ev.collectFacts(rootInst, red, &out); err != nil {
		return nil, append(ds, diag.FromError(err, Name)...)
	}
	facts.Sort(out)
	return out, ds
}

// rootSecrets lists the strings given to sensitive root variables, to
// scrub messages that are reported before evaluation.
func rootSecrets(root *module, values map[string]rootValue) []string {
	if root == nil {
		return nil
	}
	var out []string
	for _, name := range sortedKeys(values) {
		if v := root.variables[name]; v != nil && v.sensitive {
			out = stringLeaves(values[name].val, out)
		}
	}
	return out
}

// collectFacts turns the evaluated resource instances into facts.
func (ev *evaluator) collectFacts(mi *modInst, red *redact.Redactor, out *[]facts.Fact) error {
	for _, r := range mi.cfg.resources {
		rn := mi.resources[r.key]
		refs := references(r, mi.prefix())
		configured := configuredNames(r.body)
		for _, in := range rn.insts {
			val, unk, sens, err := plain(in.obj, 0)
			if err != nil {
				return fmt.Errorf("%s: %s: %w", rangeString(r.decl), in.addr, err)
			}
			res := red.Object(val, unk, sens)
			actions := []string{"create"}
			if r.mode == facts.ModeData {
				actions = []string{"read"}
			} else {
				if res.Attributes == nil {
					res.Attributes = map[string]any{}
				}
				res.Unknown = builtinDefaults.fill(r.typ, res.Attributes, res.Unknown)
			}
			*out = append(*out, facts.Fact{
				Kind:         facts.KindResource,
				Source:       facts.Source{Provider: Name, File: r.decl.Filename, Line: r.decl.Start.Line},
				ID:           in.addr,
				BaseAddress:  mi.prefix() + r.key,
				Mode:         r.mode,
				Module:       mi.addr,
				Type:         r.typ,
				Name:         r.name,
				Index:        in.key.factIndex(),
				ProviderName: providerName(mi.cfg, r),
				Actions:      actions,
				Attributes:   res.Attributes,
				Unknown:      res.Unknown,
				Sensitive:    res.Sensitive,
				Detected:     res.Detected,
				References:   cloneRefs(refs),
				Configured:   slices.Clone(configured),
			})
		}
	}
	for _, name := range sortedKeys(mi.calls) {
		for _, child := range mi.calls[name].children {
			if err := ev.collectFacts(child, red, out); err != nil {
				return err
			}
		}
	}
	return nil
}

// configuredNames lists, sorted, the arguments and nested block types
// written in a resource body (Terraform's meta-arguments already taken
// out); a dynamic block counts as the block type it generates.
func configuredNames(b *body) []string {
	out := b.attrNames()
	for _, blk := range b.blocks {
		out = append(out, blockKind(blk))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func cloneRefs(m map[string][]string) map[string][]string {
	if m == nil {
		return nil
	}
	out := make(map[string][]string, len(m))
	for k, v := range m {
		out[k] = slices.Clone(v)
	}
	return out
}

// providerName is the full address of the provider a resource belongs to:
// the provider meta-argument's local name, or the resource type's prefix,
// looked up in required_providers, else Terraform's implied
// hashicorp/NAME.
func providerName(m *module, r *resource) string {
	local := r.provider
	if local == "" {
		local, _, _ = strings.Cut(r.typ, "_")
	}
	if addr, ok := m.providers[local]; ok {
		return addr
	}
	if local == "terraform" {
		return "terraform.io/builtin/terraform"
	}
	return "registry.terraform.io/hashicorp/" + local
}

// convertDiags turns HCL diagnostics into annexa's, sorted by position,
// without repeats, and scrubbed of secrets.
func convertDiags(hds hcl.Diagnostics, red *redact.Redactor) diag.Diagnostics {
	out := make(diag.Diagnostics, 0, len(hds))
	for _, d := range hds {
		out = append(out, convertDiag(d, red))
	}
	return out.Sort()
}

// convertDiag turns one HCL diagnostic into annexa's; summary and detail
// are scrubbed of secrets and of line breaks, so a message stays one line.
func convertDiag(d *hcl.Diagnostic, red *redact.Redactor) diag.Diagnostic {
	out := diag.Diagnostic{Severity: diag.Warning, Source: Name}
	if d.Severity == hcl.DiagError {
		out.Severity = diag.Error
	}
	if s := d.Subject; s != nil {
		out.File, out.Line, out.Column = s.Filename, s.Start.Line, s.Start.Column
	}
	scrub := func(text string) string {
		msg, _ := red.String(strings.ReplaceAll(text, "\n", " "), "")
		return msg
	}
	out.Summary, out.Detail = scrub(d.Summary), scrub(d.Detail)
	return out
}

// workspace is the workspace TF_WORKSPACE selects, else Terraform's
// "default".
func (p Provider) workspace() string {
	for _, kv := range p.Environ {
		if name, ok := strings.CutPrefix(kv, "TF_WORKSPACE="); ok && name != "" {
			return name
		}
	}
	return "default"
}
