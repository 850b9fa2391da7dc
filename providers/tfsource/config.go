package tfsource

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/annexa-dev/annexa/providers/input"
)

// Limits on what one configuration may hold. They are far above real
// configurations and keep a hostile one from exhausting memory.
const (
	maxFileBytes   = 16 << 20
	maxFilesPerDir = 4096
	maxModuleDepth = 32
)

// topSchema lists Terraform's top-level block types. Blocks annexa does not
// evaluate (provider, moved, import, removed, check) are listed so that
// they are accepted without a warning.
var topSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "ephemeral", LabelNames: []string{"type", "name"}},
	{Type: "moved"},
	{Type: "import"},
	{Type: "removed"},
	{Type: "check", LabelNames: []string{"name"}},
}}

// module is the configuration of one module directory.
type module struct {
	// dir is the directory as the user named it (the root) or as reached
	// through module sources; file names in facts and errors start with it.
	dir string
	// pathModule is path.module: dir relative to the root module.
	pathModule string

	variables map[string]*variable
	locals    map[string]*hcl.Attribute
	outputs   map[string]*output
	resources []*resource // sorted by key
	resByKey  map[string]*resource
	calls     map[string]*moduleCall
	// providers maps provider local names to source addresses, from
	// required_providers.
	providers map[string]string
	// providerConfigs are the module's provider blocks by local name, with
	// ".alias" for an aliased one (aws, aws.east).
	providerConfigs map[string]*block
}

type variable struct {
	name        string
	decl        hcl.Range
	hasType     bool
	typ         cty.Type
	defaults    *typeexpr.Defaults
	def         cty.Value // cty.NilVal when there is no default
	sensitive   bool
	nullable    bool
	validations []*validation
}

type validation struct {
	condition, message hcl.Expression
	rng                hcl.Range
}

type output struct {
	name      string
	decl      hcl.Range
	value     hcl.Expression
	sensitive bool
}

type resource struct {
	mode, typ, name string
	// key is the address inside the module: aws_s3_bucket.logs or
	// data.aws_iam_policy_document.read.
	key      string
	decl     hcl.Range
	count    hcl.Expression
	forEach  hcl.Expression
	provider string // provider local name from the provider meta-argument
	// providerAlias is the alias the provider meta-argument names, "" for
	// the default configuration.
	providerAlias string
	body          *body
}

type moduleCall struct {
	name        string
	decl        hcl.Range
	source      string
	sourceRange hcl.Range
	count       hcl.Expression
	forEach     hcl.Expression
	args        map[string]*hcl.Attribute
	// mod is the called module's configuration; nil for a source annexa
	// does not read (registry, git, ...).
	mod *module
}

// loader reads a module tree.
type loader struct {
	sb      *sandbox
	strict  bool
	rootDir string
	diags   hcl.Diagnostics
	// loading holds the directories on the current path from the root, to
	// report a module that calls itself.
	loading map[string]bool
	cache   map[string]*module
	// names collects every attribute name that any expression traverses
	// (x.name), so that references to resources get those attributes as
	// unknown values rather than an "unsupported attribute" error.
	names map[string]bool
	// symbolAttrs are the first steps after roots that are either resource
	// types or local symbols; see attributeNames.
	symbolAttrs map[[2]string]bool
	// funcs collects the functions each configuration calls, by name, with
	// the place of the first call.
	funcs map[string]hcl.Range
	// installed are the modules terraform init installed, by key.
	installed map[string]installedModule
}

// attributeNames returns the attribute names that expressions traverse,
// once every module is loaded and so every resource type known.
func (l *loader) attributeNames() map[string]bool {
	types := map[string]bool{}
	for _, m := range l.cache {
		for _, r := range m.resources {
			if r.mode == "managed" {
				types[r.typ] = true
			}
		}
	}
	names := maps.Clone(l.names)
	for k := range l.symbolAttrs {
		if !types[k[0]] {
			names[k[1]] = true
		}
	}
	return names
}

func newLoader(sb *sandbox, rootDir string, strict bool) *loader {
	return &loader{
		sb: sb, rootDir: rootDir, strict: strict,
		loading: map[string]bool{}, cache: map[string]*module{},
		names: map[string]bool{}, symbolAttrs: map[[2]string]bool{}, funcs: map[string]hcl.Range{},
	}
}

func (l *loader) errorf(rng *hcl.Range, summary, detail string, args ...any) {
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(detail, args...), Subject: rng,
	})
}

func (l *loader) warnf(rng *hcl.Range, summary, detail string, args ...any) {
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning, Summary: summary, Detail: fmt.Sprintf(detail, args...), Subject: rng,
	})
}

// isConfigFile reports whether Terraform reads name as configuration, and
// whether it is an override file.
func isConfigFile(name string) (config, override bool) {
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) {
		return false, false
	}
	var base string
	switch {
	case strings.HasSuffix(name, ".tf.json"):
		base = strings.TrimSuffix(name, ".tf.json")
	case strings.HasSuffix(name, ".tf"):
		base = strings.TrimSuffix(name, ".tf")
	default:
		return false, false
	}
	return true, base == "override" || strings.HasSuffix(base, "_override")
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// parseFile reads and parses one configuration or variables file. It
// returns nil when the file cannot be parsed at all.
func (l *loader) parseFile(name string) *hcl.File {
	src, err := l.sb.readFile(name, maxFileBytes)
	if err != nil {
		l.errorf(&hcl.Range{Filename: name}, "Cannot read file", "%v", err)
		return nil
	}
	f, diags := parseSource(src, name)
	l.diags = append(l.diags, diags...)
	if diags.HasErrors() {
		return nil
	}
	l.scanFunctions(src, name, f)
	return f
}

// parseSource parses native or JSON syntax, chosen by the file name,
// after the checks that keep the parsers safe.
func parseSource(src []byte, name string) (*hcl.File, hcl.Diagnostics) {
	src = bytes.TrimPrefix(src, utf8BOM)
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		line, col := input.Position(src, int64(off))
		pos := hcl.Pos{Line: line, Column: col, Byte: off}
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError, Summary: "Invalid UTF-8",
			Detail:  "The file is not UTF-8 text; Terraform configuration must be UTF-8.",
			Subject: &hcl.Range{Filename: name, Start: pos, End: pos},
		}}
	}
	if strings.HasSuffix(name, ".json") {
		if d := guardJSON(src, name); d.HasErrors() {
			return nil, d
		}
		return hcljson.Parse(src, name)
	}
	if d := guardNative(src, name); d.HasErrors() {
		return nil, d
	}
	return hclsyntax.ParseConfig(src, name, hcl.InitialPos)
}

// providerFuncPattern finds provider-defined function calls in JSON
// syntax, whose templates HCL parses only when it evaluates them.
var providerFuncPattern = regexp.MustCompile(`provider::[A-Za-z0-9_-]+::[A-Za-z0-9_-]+\s*\(`)

// scanFunctions records the functions a file calls.
func (l *loader) scanFunctions(src []byte, name string, f *hcl.File) {
	note := func(fn string, rng hcl.Range) {
		if _, seen := l.funcs[fn]; !seen {
			l.funcs[fn] = rng
		}
	}
	if sb, ok := f.Body.(*hclsyntax.Body); ok {
		hclsyntax.VisitAll(sb, func(n hclsyntax.Node) hcl.Diagnostics {
			if call, ok := n.(*hclsyntax.FunctionCallExpr); ok {
				note(call.Name, call.NameRange)
			}
			return nil
		})
		return
	}
	for _, loc := range providerFuncPattern.FindAllIndex(src, -1) {
		fn := strings.TrimRight(string(src[loc[0]:loc[1]]), " \t\r\n(")
		line, col := input.Position(src, int64(loc[0]))
		pos := hcl.Pos{Line: line, Column: col, Byte: loc[0]}
		note(fn, hcl.Range{Filename: name, Start: pos, End: pos})
	}
}

// noteNames records the attribute names an expression traverses past an
// address: the "arn" in aws_kms_key.k.arn or each.value.arn, not the "k".
func (l *loader) noteNames(e hcl.Expression) {
	if e == nil {
		return
	}
	add := func(t hcl.Traversal, from int) {
		for _, step := range t[min(from, len(t)):] {
			if a, ok := step.(hcl.TraverseAttr); ok {
				l.names[a.Name] = true
			}
		}
	}
	absolute := func(t hcl.Traversal) {
		root := t.RootName()
		switch {
		case root == "data":
			add(t, 3)
		case reservedRoots[root]:
			add(t, 2)
		default:
			// A resource type (aws_vpc.main.arn) or a for expression's
			// or dynamic block's symbol (s.arn); which, only the whole
			// configuration tells.
			if a, ok := attrStep(t, 1); ok {
				l.symbolAttrs[[2]string{root, a}] = true
			}
			add(t, 2)
		}
	}
	if se, ok := e.(hclsyntax.Expression); ok {
		hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
			switch x := n.(type) {
			case *hclsyntax.ScopeTraversalExpr:
				absolute(x.Traversal)
			case *hclsyntax.RelativeTraversalExpr:
				add(x.Traversal, 0)
			}
			return nil
		})
		return
	}
	for _, t := range e.Variables() {
		absolute(t)
	}
}

func (l *loader) noteBodyNames(b *body) {
	for _, a := range b.attrs {
		l.noteNames(a.Expr)
	}
	for _, blk := range b.blocks {
		l.noteBodyNames(blk.body)
	}
}

// loadModule reads the module in dir and, recursively, the modules it
// calls: local ones, and those terraform init installed. callRange is the
// module call that led here (nil for the root); key is the module's key
// in modules.json ("" for the root, "vpc", "vpc.subnets").
func (l *loader) loadModule(dir string, depth int, callRange *hcl.Range, key string) *module {
	if m, ok := l.cache[dir]; ok {
		return m
	}
	if l.loading[dir] {
		l.errorf(callRange, "Module calls itself", "The module in %s calls itself, directly or through other modules; Terraform cannot expand such a configuration.", dir)
		return nil
	}
	if depth > maxModuleDepth {
		l.errorf(callRange, "Modules nested too deeply", "Module calls are nested more than %d deep.", maxModuleDepth)
		return nil
	}
	entries, err := l.sb.readDir(dir)
	switch {
	case err == nil:
	case callRange != nil && !l.strict && errors.Is(err, fs.ErrNotExist):
		l.warnf(callRange, "Module not evaluated", "The module directory %s does not exist; its resources are not checked and its outputs are unknown (--strict makes this an error).", dir)
		return nil
	case callRange != nil:
		l.errorf(callRange, "Unreadable module directory", "%v", err)
		return nil
	default:
		l.errorf(nil, "Unreadable configuration directory", "%v", err)
		return nil
	}
	var primary, overrides []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		config, override := isConfigFile(e.Name())
		switch {
		case !config:
		case override:
			overrides = append(overrides, e.Name())
		default:
			primary = append(primary, e.Name())
		}
	}
	if len(primary)+len(overrides) > maxFilesPerDir {
		l.errorf(callRange, "Too many files", "%s holds more than %d configuration files.", dir, maxFilesPerDir)
		return nil
	}
	if len(primary) == 0 && callRange != nil && !l.strict {
		l.warnf(callRange, "Module not evaluated", "%s holds no Terraform configuration files (*.tf, *.tf.json); the module's resources are not checked and its outputs are unknown (--strict makes this an error).", dir)
		return nil
	}
	if len(primary) == 0 {
		l.errorf(callRange, "No configuration files", "%s holds no Terraform configuration files (*.tf, *.tf.json).", dir)
		return nil
	}
	slices.Sort(primary)
	slices.Sort(overrides)

	l.loading[dir] = true
	defer delete(l.loading, dir)

	var blocks, overBlocks []*block
	for _, name := range primary {
		blocks = append(blocks, l.fileBlocks(filepath.Join(dir, name))...)
	}
	for _, name := range overrides {
		overBlocks = append(overBlocks, l.fileBlocks(filepath.Join(dir, name))...)
	}
	rel, err := filepath.Rel(l.rootDir, dir)
	if err != nil {
		rel = dir
	}
	m := &module{
		dir: dir, pathModule: filepath.ToSlash(rel),
		variables: map[string]*variable{}, locals: map[string]*hcl.Attribute{},
		outputs: map[string]*output{}, resByKey: map[string]*resource{},
		calls: map[string]*moduleCall{}, providers: map[string]string{},
	}
	blocks = l.applyOverrides(blocks, overBlocks)
	for _, b := range blocks {
		l.noteBodyNames(b.body)
		l.decodeBlock(m, b)
	}
	slices.SortFunc(m.resources, func(a, b *resource) int { return strings.Compare(a.key, b.key) })
	for _, name := range sortedKeys(m.calls) {
		call := m.calls[name]
		childKey := name
		if key != "" {
			childKey = key + "." + name
		}
		var childDir string
		switch inst, installed := l.installed[childKey]; {
		case isLocalSource(call.source):
			childDir = filepath.Join(dir, filepath.FromSlash(call.source))
		case installed:
			childDir = filepath.Join(l.rootDir, filepath.FromSlash(inst.Dir))
			if filepath.IsAbs(inst.Dir) {
				childDir = filepath.Clean(inst.Dir)
			}
		default:
			l.warnf(call.sourceRange.Ptr(), "Module not evaluated",
				"The module %q comes from %q, which annexa does not fetch, and terraform init has not installed it (no entry %q in %s); its resources are not checked and its outputs are unknown.",
				call.name, call.source, childKey, filepath.Join(l.rootDir, modulesManifest))
			continue
		}
		call.mod = l.loadModule(childDir, depth+1, call.decl.Ptr(), childKey)
	}
	l.cache[dir] = m
	return m
}

func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../")
}

// fileBlocks parses one file into its top-level blocks.
func (l *loader) fileBlocks(name string) []*block {
	f := l.parseFile(name)
	if f == nil {
		return nil
	}
	content, remain, diags := f.Body.PartialContent(topSchema)
	l.diags = append(l.diags, diags...)
	if sb, ok := remain.(*hclsyntax.Body); ok {
		known := map[string]bool{}
		for _, s := range topSchema.Blocks {
			known[s.Type] = true
		}
		for _, blk := range sb.Blocks {
			if !known[blk.Type] {
				l.warnf(blk.DefRange().Ptr(), "Block not evaluated", "annexa does not know the top-level block type %q and skips it.", blk.Type)
			}
		}
		for _, a := range sb.Attributes {
			l.errorf(a.NameRange.Ptr(), "Unexpected argument", "An argument named %q is not expected at the top level of a configuration file.", a.Name)
		}
	}
	var out []*block
	for _, blk := range content.Blocks {
		b, d := readBody(blk.Body, blk.Type)
		l.diags = append(l.diags, d...)
		out = append(out, &block{typ: blk.Type, labels: blk.Labels, body: b, defRange: blk.DefRange})
	}
	return out
}

// applyOverrides checks for duplicate blocks and merges override files'
// blocks into the primary ones, as Terraform does.
func (l *loader) applyOverrides(blocks, overrides []*block) []*block {
	seen := map[string]*block{}
	locals := map[string]*hcl.Attribute{}
	kept := blocks[:0]
	for _, b := range blocks {
		switch b.typ {
		case "terraform", "provider", "moved", "import", "removed":
			// These may repeat (terraform blocks are merged when decoded,
			// provider blocks differ by alias).
			kept = append(kept, b)
			continue
		case "locals":
			for _, name := range b.body.attrNames() {
				a := b.body.attrs[name]
				if prev, dup := locals[name]; dup {
					l.errorf(a.NameRange.Ptr(), "Duplicate local value definition",
						"A local value named %q was already defined at %s. Local value names must be unique within a module.", name, rangeString(prev.NameRange))
				}
				locals[name] = a
			}
			kept = append(kept, b)
			continue
		}
		key := blockKey(b)
		if prev, dup := seen[key]; dup {
			if l.strict {
				l.errorf(b.defRange.Ptr(), "Duplicate "+b.typ+" block",
					"A %s block %q was already declared at %s.", b.typ, strings.Join(b.labels, "."), rangeString(prev.defRange))
			} else {
				// Terraform refuses this; a scanner still judges what it can:
				// the first block, as written.
				l.warnf(b.defRange.Ptr(), "Duplicate "+b.typ+" block",
					"A %s block %q was already declared at %s; annexa judges that one and passes over this one (--strict makes this an error).", b.typ, strings.Join(b.labels, "."), rangeString(prev.defRange))
			}
			continue
		}
		seen[key] = b
		kept = append(kept, b)
	}
	blocks = kept
	for _, o := range overrides {
		switch o.typ {
		case "terraform", "provider", "moved", "import", "removed":
			blocks = append(blocks, o)
			continue
		case "locals":
			for _, name := range o.body.attrNames() {
				a := o.body.attrs[name]
				found := false
				for _, b := range blocks {
					if _, ok := b.body.attrs[name]; ok && b.typ == "locals" {
						b.body.attrs[name] = a
						found = true
					}
				}
				if !found {
					l.errorf(a.NameRange.Ptr(), "Missing base local value definition to override", "There is no local value named %q; an override file can only override an existing local value.", name)
				}
			}
			continue
		}
		base, ok := seen[blockKey(o)]
		if !ok {
			l.errorf(o.defRange.Ptr(), "Missing base "+o.typ+" to override",
				"There is no %s block %q in the primary configuration files; an override file can only change an existing block.", o.typ, strings.Join(o.labels, "."))
			continue
		}
		mergeBody(base.body, o.body)
	}
	return blocks
}

func rangeString(r hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

// decodeBlock adds one top-level block to the module.
func (l *loader) decodeBlock(m *module, b *block) {
	switch b.typ {
	case "terraform":
		l.decodeTerraform(m, b)
	case "variable":
		if v := l.decodeVariable(b); v != nil {
			m.variables[v.name] = v
		}
	case "locals":
		for name, a := range b.body.attrs {
			if !hclsyntax.ValidIdentifier(name) {
				l.errorf(a.NameRange.Ptr(), "Invalid local value name", "%q is not a valid identifier.", name)
				continue
			}
			m.locals[name] = a
		}
	case "output":
		o := &output{name: b.labels[0], decl: b.defRange}
		if a := b.body.attrs["value"]; a != nil {
			o.value = a.Expr
		} else {
			l.errorf(b.defRange.Ptr(), "Missing required argument", "The output %q has no value argument.", o.name)
			return
		}
		o.sensitive = l.literalBool(b.body.attrs["sensitive"])
		m.outputs[o.name] = o
	case "provider":
		key := b.labels[0]
		if a := b.body.attrs["alias"]; a != nil {
			if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
				key += "." + v.AsString()
			}
		}
		if m.providerConfigs == nil {
			m.providerConfigs = map[string]*block{}
		}
		m.providerConfigs[key] = b
	case "resource", "data":
		r := l.decodeResource(b)
		if r != nil {
			m.resources = append(m.resources, r)
			m.resByKey[r.key] = r
		}
	case "module":
		if c := l.decodeModuleCall(b); c != nil {
			m.calls[c.name] = c
		}
	}
}

func (l *loader) decodeTerraform(m *module, b *block) {
	for _, rp := range b.body.blocks {
		if rp.typ != "required_providers" {
			continue
		}
		for _, name := range rp.body.attrNames() {
			a := rp.body.attrs[name]
			v, diags := a.Expr.Value(nil)
			if diags.HasErrors() {
				l.diags = append(l.diags, diags...)
				continue
			}
			source := ""
			if v.Type().IsObjectType() && v.Type().HasAttribute("source") {
				if s := v.GetAttr("source"); s.Type() == cty.String && s.IsKnown() && !s.IsNull() {
					source = s.AsString()
				}
			}
			if source == "" {
				// Version-only entries (aws = "~> 5.0") keep the implied
				// source.
				source = "hashicorp/" + name
			}
			addr, err := providerAddress(source)
			if err != nil {
				l.errorf(a.Expr.Range().Ptr(), "Invalid provider source", "%v", err)
				continue
			}
			m.providers[name] = addr
		}
	}
}

// providerAddress normalises a provider source string to its full form,
// registry.terraform.io/NAMESPACE/TYPE. A one-part source, as CDKTF
// writes it ("aws"), is in Terraform's default namespace, hashicorp.
func providerAddress(source string) (string, error) {
	parts := strings.Split(strings.ToLower(source), "/")
	for _, p := range parts {
		if p == "" {
			return "", fmt.Errorf("provider source %q has an empty part", source)
		}
	}
	switch len(parts) {
	case 1:
		return "registry.terraform.io/hashicorp/" + parts[0], nil
	case 2:
		return "registry.terraform.io/" + parts[0] + "/" + parts[1], nil
	case 3:
		return strings.Join(parts, "/"), nil
	}
	return "", fmt.Errorf("provider source %q is not of the form [HOSTNAME/]NAMESPACE/TYPE", source)
}

func (l *loader) literalBool(a *hcl.Attribute) bool {
	if a == nil {
		return false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		l.diags = append(l.diags, diags...)
		return false
	}
	v, err := convert.Convert(v, cty.Bool)
	if err != nil || v.IsNull() || !v.IsKnown() {
		l.errorf(a.Expr.Range().Ptr(), "Invalid value", "%s must be true or false.", a.Name)
		return false
	}
	return v.True()
}

func (l *loader) decodeVariable(b *block) *variable {
	v := &variable{name: b.labels[0], decl: b.defRange, nullable: true, typ: cty.DynamicPseudoType}
	if !hclsyntax.ValidIdentifier(v.name) {
		l.errorf(b.defRange.Ptr(), "Invalid variable name", "%q is not a valid identifier.", v.name)
		return nil
	}
	if a := b.body.attrs["type"]; a != nil {
		expr := a.Expr
		switch hcl.ExprAsKeyword(expr) {
		case "list":
			v.typ = cty.List(cty.DynamicPseudoType)
		case "map":
			v.typ = cty.Map(cty.DynamicPseudoType)
		default:
			ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(expr)
			l.diags = append(l.diags, diags...)
			if diags.HasErrors() {
				return nil
			}
			v.typ, v.defaults = ty, defaults
		}
		v.hasType = true
	}
	v.sensitive = l.literalBool(b.body.attrs["sensitive"])
	if a := b.body.attrs["nullable"]; a != nil {
		v.nullable = l.literalBool(a)
	}
	if a := b.body.attrs["default"]; a != nil {
		val, diags := a.Expr.Value(nil)
		l.diags = append(l.diags, diags...)
		if diags.HasErrors() {
			return nil
		}
		if v.defaults != nil && !val.IsNull() {
			val = v.defaults.Apply(val)
		}
		conv, err := convert.Convert(val, v.typ)
		if err != nil {
			l.errorf(a.Expr.Range().Ptr(), "Invalid default value for variable",
				"This default value is not compatible with the variable's type constraint: %s.", err)
			return nil
		}
		v.def = conv
	}
	for _, vb := range b.body.blocks {
		if vb.typ != "validation" {
			continue
		}
		cond, msg := vb.body.attrs["condition"], vb.body.attrs["error_message"]
		if cond == nil || msg == nil {
			l.errorf(vb.defRange.Ptr(), "Missing required argument", "A validation block needs condition and error_message.")
			continue
		}
		v.validations = append(v.validations, &validation{condition: cond.Expr, message: msg.Expr, rng: vb.defRange})
	}
	return v
}

// resourceMetaBlocks are Terraform's own nested blocks of resource and
// data blocks; like the meta-arguments count, for_each, provider and
// depends_on, they are not resource attributes.
var resourceMetaBlocks = []string{"lifecycle", "provisioner", "connection"}

func (l *loader) decodeResource(b *block) *resource {
	r := &resource{mode: "managed", typ: b.labels[0], name: b.labels[1], decl: b.defRange, body: b.body}
	r.key = r.typ + "." + r.name
	if b.typ == "data" {
		r.mode, r.key = "data", "data."+r.key
	}
	if !hclsyntax.ValidIdentifier(r.typ) || !hclsyntax.ValidIdentifier(r.name) {
		l.errorf(b.defRange.Ptr(), "Invalid resource address", "%q and %q must be valid identifiers.", r.typ, r.name)
		return nil
	}
	if a := r.body.take("count"); a != nil {
		r.count = a.Expr
	}
	if a := r.body.take("for_each"); a != nil {
		r.forEach = a.Expr
	}
	if r.count != nil && r.forEach != nil {
		l.errorf(r.forEach.Range().Ptr(), "Invalid combination of \"count\" and \"for_each\"",
			"The \"count\" and \"for_each\" meta-arguments are mutually exclusive; only one may be used.")
		return nil
	}
	if a := r.body.take("provider"); a != nil {
		t, diags := hcl.AbsTraversalForExpr(a.Expr)
		if diags.HasErrors() {
			l.errorf(a.Expr.Range().Ptr(), "Invalid provider reference", "The provider argument must be a provider name, optionally with an alias: aws or aws.west.")
		} else {
			r.provider = t.RootName()
			if len(t) > 1 {
				if step, ok := t[1].(hcl.TraverseAttr); ok {
					r.providerAlias = step.Name
				}
			}
		}
	}
	r.body.take("depends_on")
	for _, t := range resourceMetaBlocks {
		r.body.dropBlocks(t)
	}
	return r
}

// moduleMetaAttrs are Terraform's own arguments of module blocks.
var moduleMetaAttrs = []string{"source", "version", "count", "for_each", "providers", "depends_on"}

func (l *loader) decodeModuleCall(b *block) *moduleCall {
	c := &moduleCall{name: b.labels[0], decl: b.defRange, args: map[string]*hcl.Attribute{}}
	if !hclsyntax.ValidIdentifier(c.name) {
		l.errorf(b.defRange.Ptr(), "Invalid module name", "%q is not a valid identifier.", c.name)
		return nil
	}
	src := b.body.attrs["source"]
	if src == nil {
		l.errorf(b.defRange.Ptr(), "Missing required argument", "The module %q has no source argument.", c.name)
		return nil
	}
	v, diags := src.Expr.Value(nil)
	if diags.HasErrors() || v.Type() != cty.String || v.IsNull() {
		l.errorf(src.Expr.Range().Ptr(), "Invalid module source", "The source argument must be a literal string.")
		return nil
	}
	c.source = v.AsString()
	if a := b.body.attrs["count"]; a != nil {
		c.count = a.Expr
	}
	if a := b.body.attrs["for_each"]; a != nil {
		c.forEach = a.Expr
	}
	if c.count != nil && c.forEach != nil {
		l.errorf(c.forEach.Range().Ptr(), "Invalid combination of \"count\" and \"for_each\"",
			"The \"count\" and \"for_each\" meta-arguments are mutually exclusive; only one may be used.")
		return nil
	}
	for name, a := range b.body.attrs {
		if !slices.Contains(moduleMetaAttrs, name) {
			c.args[name] = a
		}
	}
	c.sourceRange = src.Expr.Range()
	return c
}
