// Package tfplan collects resource facts from a Terraform plan rendered as
// JSON by `terraform show -json PLANFILE`.
package tfplan

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"syscall"

	"github.com/annexa-dev/annexa/diag"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/annexa-dev/annexa/internal/jsonscan"
	"github.com/annexa-dev/annexa/internal/parallel"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/redact"
)

// Name is the provider name recorded in each fact's source.
const Name = "terraform-plan"

// Provider reads Terraform JSON plans.
type Provider struct {
	// MaxBytes bounds the size of a plan file; zero means input.DefaultMaxBytes.
	MaxBytes int64
}

// FactKinds is the kinds of fact a plan gives (providers.Kinded).
func (Provider) FactKinds() []string { return []string{facts.KindResource} }

// Collect implements providers.Provider: the facts of path, or the error that stopped it as a diagnostic.
func (p Provider) Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	fs, err := p.collect(ctx, path)
	return fs, diag.FromError(err, Name)
}

// collect reads the plan at path and returns one fact per resource instance
// and data source, with unknown and sensitive values handled as described in
// docs/facts.md.
func (p Provider) collect(ctx context.Context, path string) ([]facts.Fact, error) {
	if doc, err := p.stream(ctx, path); doc != nil || err != nil {
		if err != nil {
			return nil, err
		}
		return collectPlan(ctx, path, doc)
	}
	data, err := input.ReadFileContext(ctx, path, p.MaxBytes)
	if err != nil {
		return nil, err
	}
	return Parse(ctx, path, data)
}

// stream decodes the plan in the regular file at path in one pass over
// the file, without reading it whole first: for a large plan, the
// document was as large as the facts made of it. It returns nil and no
// error for anything but a plain plan in a regular file, which collect
// then reads and parses as a whole, to say what is wrong with it as Parse
// does; the error is only that of ctx.
func (p Provider) stream(ctx context.Context, path string) (*planDoc, error) {
	maxBytes := p.MaxBytes
	if maxBytes <= 0 {
		maxBytes = input.DefaultMaxBytes
	}
	// A FIFO (<(terraform show -json tfplan)) is not opened here at all:
	// its writer would take this open as its reader, write into it and
	// lose what it wrote when it is closed. It is left to
	// input.ReadFileContext. O_NONBLOCK covers a path replaced by a FIFO
	// after the Stat.
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return nil, nil
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxBytes {
		return nil, nil
	}
	r := bufio.NewReaderSize(io.LimitReader(f, maxBytes), 64<<10)
	if head, _ := r.Peek(4); bytes.HasPrefix(head, zipMagic) || len(head) > 0 && head[0] >= 0x80 {
		// A binary plan, a byte order mark or UTF-16: Parse says what.
		return nil, nil
	}
	doc, err := decodeFast(path, r, ctx.Err)
	if cerr := ctx.Err(); cerr != nil {
		return nil, fmt.Errorf("read %s: %w", path, cerr)
	}
	if err != nil {
		return nil, nil
	}
	return doc, nil
}

// zipMagic starts every zip archive, and so every binary plan file.
var zipMagic = []byte("PK\x03\x04")

// IsBinaryPlan reports whether the start of a file is a binary plan file,
// as `terraform plan -out FILE` writes it: a zip archive whose entries are
// tfplan, tfstate and tfconfig/.
func IsBinaryPlan(head []byte) bool {
	return bytes.HasPrefix(head, zipMagic) &&
		(bytes.Contains(head, []byte("tfplan")) || bytes.Contains(head, []byte("tfconfig/")) || bytes.Contains(head, []byte("tfstate")))
}

// binaryPlanError says how to turn a binary plan file into the JSON annexa
// reads.
func binaryPlanError(file string) error {
	return fmt.Errorf("%s: this is a zip archive, the form of a binary plan file from `terraform plan -out`; annexa reads plans as JSON: run `terraform show -json %s > %s.json` and pass %s.json", file, file, file, file)
}

// planFile is the part of a plan document annexa reads, decoded in one
// pass: the resource changes, the configuration (for references, what was
// written, and which variables are sensitive), the variables and the
// prior state's data sources. planned_values repeats what the changes
// say, so it is passed over; it and the keys of state documents are
// only noted as present, to tell a plan from what people pass by mistake.
type planFile struct {
	FormatVersion   string                          `json:"format_version"`
	ResourceChanges rawArray                        `json:"resource_changes"`
	ResourceDrift   rawArray                        `json:"resource_drift"`
	Config          *planConfig                     `json:"configuration"`
	Variables       map[string]*tfjson.PlanVariable `json:"variables"`
	PriorState      *tfjson.State                   `json:"prior_state"`
	PlannedValues   present                         `json:"planned_values"`
	Values          present                         `json:"values"`
	Version         present                         `json:"version"`
	Resources       present                         `json:"resources"`
}

// rawArray keeps the raw elements of a JSON array, to be decoded later and
// in parallel: the resource changes are most of a large plan.
type rawArray []json.RawMessage

// UnmarshalJSON implements json.Unmarshaler.
func (a *rawArray) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if len(b) == 0 || b[0] != '[' {
		return &json.UnmarshalTypeError{Value: jsonKind(b), Type: reflect.TypeFor[[]tfjson.ResourceChange]()}
	}
	*a = splitArray(b)
	return nil
}

// splitArray returns the elements of the JSON array b, which
// encoding/json has already checked is valid, each a copy (an Unmarshaler
// must not keep b), without checking it again as json.Unmarshal into
// []json.RawMessage would: the resource changes are most of a large plan.
func splitArray(b []byte) []json.RawMessage {
	var out []json.RawMessage
	depth, start := 0, -1
	var str jsonscan.Strings
	for i, c := range b {
		if str.Step(c) {
			if depth == 1 && start < 0 {
				start = i
			}
			continue
		}
		if jsonscan.IsSpace(c) {
			continue
		}
		if depth == 1 {
			switch {
			case c == ',' || c == ']':
				if start >= 0 {
					out = append(out, json.RawMessage(bytes.Clone(bytes.TrimRight(b[start:i], " \t\n\r"))))
					start = -1
				}
			case start < 0:
				start = i
			}
		}
		switch c {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		}
	}
	return out
}

// jsonKind names the kind of JSON value b holds, for errors.
func jsonKind(b []byte) string {
	switch {
	case len(b) == 0:
		return "nothing"
	case b[0] == '{':
		return "object"
	case b[0] == '"':
		return "string"
	case b[0] == 't' || b[0] == 'f':
		return "bool"
	default:
		return "number"
	}
}

// present records that a key is in the document without decoding its
// value.
type present bool

// UnmarshalJSON implements json.Unmarshaler.
func (p *present) UnmarshalJSON([]byte) error {
	*p = true
	return nil
}

// Parse turns plan JSON into facts; file names the input in facts and errors.
func Parse(ctx context.Context, file string, data []byte) ([]facts.Fact, error) {
	return parse(ctx, file, data, true)
}

// parse is Parse; stream says to read the plan in one streaming pass
// (decodeStream) when it can, rather than always with encoding/json.
func parse(ctx context.Context, file string, data []byte, stream bool) ([]facts.Fact, error) {
	if bytes.HasPrefix(data, zipMagic) {
		return nil, binaryPlanError(file)
	}
	data, err := input.CheckText(file, data)
	if err != nil {
		return nil, err
	}
	var doc *planDoc
	if stream {
		doc, err = decodeFast(file, bytes.NewReader(data), ctx.Err)
		if cerr := ctx.Err(); cerr != nil {
			return nil, cerr
		}
	}
	if doc == nil || err != nil {
		// Anything the streaming pass does not take is decoded as
		// before, which says what is wrong with it.
		if doc, err = decodeSlow(file, data); err != nil {
			return nil, err
		}
	}
	return collectPlan(ctx, file, doc)
}

// planDoc is a decoded plan document: its resource changes either decoded
// (by the streaming pass) or raw (by encoding/json, to be decoded one by
// one), and where each starts.
type planDoc struct {
	plan      *planFile
	changes   []*resourceChange
	count     int
	positions []position
}

// change returns resource change i, decoding it if it is raw, and lets go
// of the document's copy.
func (d *planDoc) change(i int) (*resourceChange, error) {
	if d.changes != nil {
		rc := d.changes[i]
		d.changes[i] = nil
		if rc == nil {
			rc = &resourceChange{}
		}
		return rc, nil
	}
	var rc resourceChange
	err := decodeNumbers(d.plan.ResourceChanges[i], &rc)
	d.plan.ResourceChanges[i] = nil
	return &rc, err
}

// decodeFast decodes a plan document with the streaming pass, and the
// variables and prior state it kept raw with encoding/json; an error says
// only that decodeSlow must decode it (or is stop's).
func decodeFast(file string, r io.Reader, stop func() error) (*planDoc, error) {
	sp, err := decodeStream(r, stop)
	if err != nil {
		return nil, err
	}
	if sp.priorState != nil {
		if err := <-sp.priorState; err != nil {
			return nil, err
		}
	}
	p := &sp.plan
	if sp.variables != nil {
		if err := json.Unmarshal(sp.variables, &p.Variables); err != nil {
			return nil, err
		}
	}
	if err := checkPlan(file, p, len(sp.changes) > 0); err != nil {
		return nil, err
	}
	return &planDoc{plan: p, changes: sp.changes, count: len(sp.changes), positions: sp.positions}, nil
}

// decodeSlow decodes a plan document with encoding/json, keeping each
// resource change raw, and finds where each starts.
func decodeSlow(file string, data []byte) (*planDoc, error) {
	plan, err := decodePlan(file, data)
	if err != nil {
		return nil, err
	}
	n := len(plan.ResourceChanges)
	return &planDoc{plan: plan, count: n, positions: changePositions(data, plan.ResourceChanges)}, nil
}

// collectPlan makes the facts of a decoded plan document.
func collectPlan(ctx context.Context, file string, doc *planDoc) ([]facts.Fact, error) {
	plan := doc.plan
	c := &collector{
		file:     file,
		redactor: redact.New(sensitiveVariableValues(plan)),
		configs:  indexConfig(plan.Config),
		seen:     make(map[string]bool, doc.count),
		// Room for the data sources and the drift too: growing the slice
		// for them copied every fact, a tenth of a second on a
		// 15k-resource plan.
		facts: make([]facts.Fact, 0, doc.count+len(plan.ResourceDrift)+stateDataSources(plan.PriorState)),
	}
	// Each change is decoded if need be and turned into a fact on its
	// own, on every CPU; the facts are then taken in the plan's order.
	changes := make([]*facts.Fact, doc.count)
	errs := make([]error, doc.count)
	parallel.Chunks(len(changes), 64, runtime.GOMAXPROCS(0), func(start, end int) {
		if ctx.Err() != nil {
			return
		}
		for i := start; i < end; i++ {
			rc, err := doc.change(i)
			if err != nil {
				errs[i] = fmt.Errorf("%s: resource_changes[%d]: not a valid resource change: %w", c.file, i, err)
				continue
			}
			changes[i], errs[i] = c.change(i, rc)
			if changes[i] != nil {
				changes[i].Source.Line, changes[i].Source.Column = doc.positions[i].line, doc.positions[i].column
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i, f := range changes {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if f == nil {
			continue
		}
		if c.seen[f.ID] {
			return nil, fmt.Errorf("%s: resource %s appears twice in resource_changes", c.file, f.ID)
		}
		c.seen[f.ID] = true
		c.facts = append(c.facts, *f)
	}
	if plan.PriorState != nil && plan.PriorState.Values != nil {
		if err := c.addStateDataSources(plan.PriorState.Values.RootModule); err != nil {
			return nil, err
		}
	}
	if err := c.addDrift(plan.ResourceDrift); err != nil {
		return nil, err
	}
	facts.Sort(c.facts)
	return c.facts, nil
}

// position is a 1-based line and column in a file, zero when unknown.
type position struct{ line, column int }

// changePositions finds where each resource change starts in the plan
// document, so a finding about it can be located there (a SARIF region):
// the changes follow one another after the "resource_changes" key, each
// exactly as decoded, so each is found by searching on from the end of
// the one before. A change that cannot be found has no position.
func changePositions(data []byte, changes rawArray) []position {
	out := make([]position, len(changes))
	cursor := bytes.Index(data, []byte(`"resource_changes"`))
	if cursor < 0 {
		return out
	}
	line, lineStart, counted := 1, 0, 0
	for i, raw := range changes {
		at := bytes.Index(data[cursor:], raw)
		if at < 0 || len(raw) == 0 {
			continue
		}
		at += cursor
		for j := counted; j < at; j++ {
			if data[j] == '\n' {
				line++
				lineStart = j + 1
			}
		}
		counted = at
		out[i] = position{line: line, column: at - lineStart + 1}
		cursor = at + len(raw)
	}
	return out
}

// decodePlan decodes a plan document, recognising the JSON documents
// people commonly pass by mistake and saying what they are.
func decodePlan(file string, data []byte) (*planFile, error) {
	var plan planFile
	// Unmarshal reads data in place; a Decoder would copy it into a
	// buffer of its own first.
	if err := json.Unmarshal(data, &plan); err != nil {
		var te *json.UnmarshalTypeError
		var se *json.SyntaxError
		switch {
		case errors.As(err, &te) && te.Field == "":
			return nil, fmt.Errorf("%s: expected a JSON object (the output of `terraform show -json PLANFILE`), found a JSON %s", file, te.Value)
		case errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			return nil, input.JSONError(file, data, err)
		}
		return nil, input.JSONError(file, data, fmt.Errorf("not a valid Terraform plan: %w", err))
	}
	if err := checkPlan(file, &plan, plan.ResourceChanges != nil); err != nil {
		return nil, err
	}
	return &plan, nil
}

// checkPlan recognises the JSON documents people commonly pass by mistake
// for a plan and says what they are; hasChanges is whether the document
// has resource changes.
func checkPlan(file string, plan *planFile, hasChanges bool) error {
	switch {
	case plan.FormatVersion == "" && bool(plan.Version) && bool(plan.Resources):
		return fmt.Errorf("%s: this is a Terraform state file, not a plan; run `terraform plan -out tfplan && terraform show -json tfplan > tfplan.json`", file)
	case plan.FormatVersion == "":
		return fmt.Errorf("%s: not a Terraform plan: no \"format_version\" field; expected the output of `terraform show -json PLANFILE`", file)
	case bool(plan.Values) && !hasChanges && !bool(plan.PlannedValues):
		return fmt.Errorf("%s: this is `terraform show -json` of a state, not of a plan; pass the saved plan file to `terraform show -json`", file)
	}
	if err := (&tfjson.Plan{FormatVersion: plan.FormatVersion}).Validate(); err != nil {
		return fmt.Errorf("%s: not a valid Terraform plan: %w", file, err)
	}
	return nil
}

func sensitiveVariableValues(plan *planFile) []string {
	if plan.Config == nil || plan.Config.RootModule == nil {
		return nil
	}
	var out []string
	for _, name := range slices.Sorted(maps.Keys(plan.Config.RootModule.Variables)) {
		decl := plan.Config.RootModule.Variables[name]
		if decl == nil || !decl.Sensitive {
			continue
		}
		if v, ok := plan.Variables[name]; ok && v != nil {
			out = redact.StringLeaves(v.Value, out)
		}
	}
	return out
}

type collector struct {
	file     string
	redactor *redact.Redactor
	configs  configIndex
	seen     map[string]bool
	facts    []facts.Fact
}

// resourceChange is the part of a plan's resource change annexa reads;
// it decodes the same JSON as terraform-json's ResourceChange. The prior
// object (before) is kept raw and decoded only for a change that deletes
// it, the one case whose fact describes it: in a plan of mostly unchanged
// resources it is half the data.
type resourceChange struct {
	Address       string      `json:"address"`
	ModuleAddress string      `json:"module_address"`
	Mode          string      `json:"mode"`
	Type          string      `json:"type"`
	Name          string      `json:"name"`
	Index         any         `json:"index"`
	ProviderName  string      `json:"provider_name"`
	DeposedKey    string      `json:"deposed"`
	Change        *planChange `json:"change"`
}

type planChange struct {
	Actions         []string        `json:"actions"`
	Before          json.RawMessage `json:"before"`
	After           any             `json:"after"`
	AfterUnknown    any             `json:"after_unknown"`
	BeforeSensitive any             `json:"before_sensitive"`
	AfterSensitive  any             `json:"after_sensitive"`
}

// decodeNumbers decodes the JSON value raw into v with numbers as
// json.Number, so that large integers keep every digit; an empty raw
// (an absent value) leaves v as it is.
func decodeNumbers(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return dec.Decode(v)
}

// change makes the fact of resource change i; nil for a change that
// yields none (a deposed object). It is safe to call concurrently.
func (c *collector) change(i int, rc *resourceChange) (*facts.Fact, error) {
	if rc.Change == nil {
		return nil, nil
	}
	if rc.DeposedKey != "" {
		// A deposed object is an old instance kept only to be destroyed.
		return nil, nil
	}
	if rc.Address == "" || rc.Type == "" || rc.Name == "" {
		return nil, fmt.Errorf("%s: resource_changes entry %q lacks address, type or name", c.file, rc.Address)
	}
	f, cfg := c.newResource(rc.Address, rc.ModuleAddress, rc.Mode, rc.Type, rc.Name, rc.ProviderName, rc.Index)
	f.Actions = rc.Change.Actions
	if f.Actions == nil {
		f.Actions = []string{}
	}
	var res redact.Result
	if f.DeleteOnly() {
		var before any
		if err := decodeNumbers(rc.Change.Before, &before); err != nil {
			return nil, fmt.Errorf("%s: resource_changes[%d]: not a valid resource change: change.before: %w", c.file, i, err)
		}
		res = c.redactor.ObjectOwned(before, nil, rc.Change.BeforeSensitive, rc.Change.AfterSensitive)
	} else {
		res = c.redactor.ObjectOwned(rc.Change.After, rc.Change.AfterUnknown, rc.Change.AfterSensitive, rc.Change.BeforeSensitive)
	}
	f.Attributes, f.Unknown, f.Sensitive, f.Detected = res.Attributes, res.Unknown, res.Sensitive, res.Detected
	c.detectConfigured(&f, cfg)
	return &f, nil
}

// detectConfigured adds to f the literal secrets written in its
// configuration that its planned values do not show (a hashed user_data,
// an argument whose value the provider computes or marks sensitive): the
// configuration is the code, and a literal secret in it is one whatever
// the provider stores. The path is marked detected and sensitive; the
// planned value at it, when the path is a top-level argument, is
// replaced as any redacted value is.
func (c *collector) detectConfigured(f *facts.Fact, cfg *configResource) {
	lits := cfg.literals()
	if lits == nil {
		return
	}
	// lits is made for this call: it need not be copied, only scanned.
	found := c.redactor.ObjectOwned(lits, nil).Detected
	if len(found) == 0 {
		return
	}
	if f.Detected == nil {
		f.Detected = map[string]string{}
	}
	for path, rule := range found {
		if f.Detected[path] != "" {
			continue
		}
		f.Detected[path] = rule
		if !slices.Contains(f.Sensitive, path) {
			f.Sensitive = append(f.Sensitive, path)
		}
		if _, ok := f.Attributes[path]; ok {
			f.Attributes[path] = facts.Redacted
		}
	}
	slices.Sort(f.Sensitive)
	if len(f.Detected) == 0 {
		f.Detected = nil
	}
}

// stateDataSources counts the data sources in the prior state.
func stateDataSources(st *tfjson.State) int {
	if st == nil || st.Values == nil {
		return 0
	}
	return dataSources(st.Values.RootModule)
}

// dataSources counts the data sources in state module m and the modules
// under it.
func dataSources(m *tfjson.StateModule) int {
	if m == nil {
		return 0
	}
	n := 0
	for _, r := range m.Resources {
		if r != nil && r.Mode == tfjson.DataResourceMode {
			n++
		}
	}
	for _, child := range m.ChildModules {
		n += dataSources(child)
	}
	return n
}

// addStateDataSources adds the data sources Terraform read while planning;
// they are in the prior state, not in resource_changes.
func (c *collector) addStateDataSources(m *tfjson.StateModule) error {
	if m == nil {
		return nil
	}
	for _, r := range m.Resources {
		if r == nil || r.Mode != tfjson.DataResourceMode || c.seen[r.Address] {
			continue
		}
		if r.Type == "" || r.Name == "" {
			return fmt.Errorf("%s: prior_state data source %q lacks type or name", c.file, r.Address)
		}
		c.seen[r.Address] = true
		var mask any
		if len(r.SensitiveValues) > 0 {
			dec := json.NewDecoder(bytes.NewReader(r.SensitiveValues))
			if err := dec.Decode(&mask); err != nil {
				return fmt.Errorf("%s: sensitive_values of %s: %w", c.file, r.Address, err)
			}
		}
		f, _ := c.newResource(r.Address, m.Address, string(r.Mode), r.Type, r.Name, r.ProviderName, r.Index)
		res := c.redactor.ObjectOwned(map[string]any(r.AttributeValues), nil, mask)
		f.Attributes, f.Unknown, f.Sensitive, f.Detected = res.Attributes, res.Unknown, res.Sensitive, res.Detected
		c.facts = append(c.facts, f)
	}
	for _, child := range m.ChildModules {
		if err := c.addStateDataSources(child); err != nil {
			return err
		}
	}
	return nil
}

// newResource makes the fact of a resource instance with what its
// configuration block says of it (references, configured arguments), and
// returns that block, looked up once for all three (nil: none).
func (c *collector) newResource(address, module, mode, typ, name, provider string, index any) (facts.Fact, *configResource) {
	f := facts.Fact{
		Kind:         facts.KindResource,
		Source:       facts.Source{Provider: Name, File: c.file},
		ID:           address,
		BaseAddress:  baseAddress(address),
		Mode:         mode,
		Module:       module,
		Type:         typ,
		Name:         name,
		ProviderName: provider,
		Index:        normalizeIndex(index),
	}
	if f.Index == nil {
		f.BaseAddress = address
	}
	cfg := c.configs.lookup(module, mode, typ, name)
	f.References = cfg.references(module)
	f.Configured = cfg.configured()
	return f, cfg
}

// normalizeIndex returns a count index as int and a for_each key as string.
func normalizeIndex(ix any) any {
	switch x := ix.(type) {
	case json.Number:
		if n, err := strconv.Atoi(x.String()); err == nil {
			return n
		}
		return x.String()
	case float64:
		return int(x)
	case string:
		return x
	}
	return nil
}

// DriftType is the type of the facts that record what Terraform found
// changed outside of Terraform when it refreshed the state for the plan
// (the plan's resource_drift): one data fact per drifted managed
// resource, with the resource's address and type, the drift's actions
// and the names (never the values) of the attributes that changed.
const DriftType = "annexa_plan_drift"

// addDrift adds a DriftType fact for each managed resource of the plan's
// resource_drift.
func (c *collector) addDrift(drift rawArray) error {
	for i, raw := range drift {
		var rc tfjson.ResourceChange
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&rc); err != nil {
			return fmt.Errorf("%s: resource_drift[%d]: not a valid resource change: %w", c.file, i, err)
		}
		if rc.Change == nil || rc.Mode != tfjson.ManagedResourceMode || rc.DeposedKey != "" {
			continue
		}
		if rc.Address == "" || rc.Type == "" {
			return fmt.Errorf("%s: resource_drift[%d] lacks address or type", c.file, i)
		}
		actions := make([]any, len(rc.Change.Actions))
		for j, a := range rc.Change.Actions {
			actions[j] = string(a)
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		changed := []any{}
		for _, k := range slices.Sorted(maps.Keys(before)) {
			if v, ok := after[k]; !ok || !reflect.DeepEqual(v, before[k]) {
				changed = append(changed, k)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(after)) {
			if _, ok := before[k]; !ok {
				changed = append(changed, k)
			}
		}
		id := "data." + DriftType + ".this[" + strconv.Quote(rc.Address) + "]"
		if c.seen[id] {
			return fmt.Errorf("%s: resource %s appears twice in resource_drift", c.file, rc.Address)
		}
		c.seen[id] = true
		c.facts = append(c.facts, facts.Fact{
			Kind:        facts.KindResource,
			Source:      facts.Source{Provider: Name, File: c.file},
			ID:          id,
			BaseAddress: "data." + DriftType + ".this",
			Mode:        facts.ModeData,
			Type:        DriftType,
			Name:        "this",
			Index:       rc.Address,
			Attributes: map[string]any{
				"address": rc.Address, "resource_type": rc.Type, "actions": actions, "changed": changed,
			},
		})
	}
	return nil
}
