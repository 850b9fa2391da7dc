package tfplan

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-json-experiment/json/jsontext"
)

// The plan is read in one streaming pass (decodeStream) that builds each
// resource change's values as it reads them and notes where each change
// starts, instead of decoding the document with encoding/json, splitting
// the changes into copies and decoding each again: on a large plan that
// was most of the time and of the allocation of collecting it. The pass
// reads what encoding/json would read into planFile and resourceChange;
// whenever the input is anything but the plain shape Terraform writes (a
// syntax error, a value of the wrong type, a key repeated or spelled in
// another case, which encoding/json matches), it gives up with
// errNotPlain and the plan is decoded by the encoding/json path
// (decodeSlow), which says what is wrong exactly as before.

// errNotPlain stops the streaming pass; it never reaches a user.
var errNotPlain = errors.New("not a plain plan document")

// maxInterned is the longest string value that is shared among equal ones
// (regions, types, tag values); longer ones are mostly unique.
const maxInterned = 32

// streamDecoder builds Go values (as encoding/json decodes into any, with
// numbers as json.Number) from a jsontext.Decoder reading the plan.
type streamDecoder struct {
	dec   *jsontext.Decoder
	lines *lineReader
	// names shares object names, and strs short string values, among
	// equal ones. They are apart because the few names are looked up
	// for every member, and the map of them stays small enough to be
	// fast; the values are many.
	names, strs map[string]string
	// stop, when set, is checked now and then; its error ends the pass.
	stop func() error
	// pool, when set, decodes the resource changes and the resources of
	// the configuration the pass finds (later).
	pool *decodePool
	// open, elems and openExprs hold the members of the objects, the
	// elements of the arrays and the expressions of the blocks being read,
	// innermost last, until each is complete.
	open      []member
	elems     []any
	openExprs []namedExpression
}

// truncate drops the entries of stack from n on, clearing them so that
// what they held is not kept alive by the stack.
func truncate[T any](stack []T, n int) []T {
	clear(stack[n:])
	return stack[:n]
}

// member is an object member read and not yet put in its map.
type member struct {
	name  string
	value any
}

func newStreamDecoder(r io.Reader) *streamDecoder {
	lines := &lineReader{r: r}
	return &streamDecoder{
		dec:   jsontext.NewDecoder(lines, jsontext.AllowDuplicateNames(true)),
		lines: lines,
		names: map[string]string{},
		strs:  map[string]string{},
	}
}

// lineReader notes where the newlines are in what is read through it,
// until position asks for the line and column of an offset: a plan is
// read in one pass, without holding the document, and the resource
// changes still get their positions.
type lineReader struct {
	r io.Reader
	// read counts the bytes read; newlines are the offsets of the
	// newlines read and not yet passed by position.
	read     int64
	newlines []int64
	// line is the line and lineStart the offset of the line that the
	// last position was on.
	line      int
	lineStart int64
}

// Read implements io.Reader.
func (l *lineReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, b := 0, p[:n]; ; {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			break
		}
		l.newlines = append(l.newlines, l.read+int64(i+j))
		i += j + 1
	}
	l.read += int64(n)
	return n, err
}

// position is the 1-based line and column of offset, which must not be
// before the offset of the last call.
func (l *lineReader) position(offset int64) position {
	if l.line == 0 {
		l.line = 1
	}
	k := 0
	for k < len(l.newlines) && l.newlines[k] < offset {
		l.lineStart = l.newlines[k] + 1
		k++
	}
	l.line += k
	l.newlines = l.newlines[k:]
	if len(l.newlines) == 0 {
		l.newlines = l.newlines[:0:0]
	}
	return position{line: l.line, column: int(offset-l.lineStart) + 1}
}

// raw reads the next value and returns a copy of it.
func (d *streamDecoder) raw() ([]byte, error) {
	v, err := d.dec.ReadValue()
	if err != nil {
		return nil, err
	}
	return bytes.Clone(v), nil
}

// unquote returns the string of the quoted JSON string q, shared with
// equal ones of the kind: names (always) or values (when short enough).
func (d *streamDecoder) unquote(q []byte, name bool) (string, error) {
	b := q[1 : len(q)-1]
	if bytes.IndexByte(b, '\\') >= 0 {
		u, err := jsontext.AppendUnquote(nil, q)
		if err != nil {
			return "", err
		}
		b = u
	}
	shared := d.strs
	switch {
	case name:
		shared = d.names
	case len(b) > maxInterned:
		return string(b), nil
	}
	if s, ok := shared[string(b)]; ok {
		return s, nil
	}
	s := string(b)
	shared[s] = s
	return s, nil
}

// name reads an object member's name.
func (d *streamDecoder) name() (string, error) {
	v, err := d.dec.ReadValue()
	if err != nil {
		return "", err
	}
	return d.unquote(v, true)
}

// str reads a string into a Go string field: null leaves it empty, as
// encoding/json does; any other kind of value is not plain.
func (d *streamDecoder) str() (string, error) {
	v, err := d.dec.ReadValue()
	switch {
	case err != nil:
		return "", err
	case v[0] == 'n':
		return "", nil
	case v[0] != '"':
		return "", errNotPlain
	}
	return d.unquote(v, false)
}

// value reads any JSON value as encoding/json decodes it into an any with
// UseNumber.
func (d *streamDecoder) value() (any, error) {
	return d.anyValue(false)
}

// anyValue reads any JSON value as encoding/json decodes it into an any:
// numbers as float64 when floats is set, else as json.Number (UseNumber).
// A number too large for a float64 is not plain.
func (d *streamDecoder) anyValue(floats bool) (any, error) {
	switch d.dec.PeekKind() {
	case '{':
		if _, err := d.dec.ReadToken(); err != nil {
			return nil, err
		}
		// The members are gathered on the decoder's stack first, so that
		// the map is made at its size: a map grown member by member was
		// rehashed on the way, and that was a tenth of reading a plan.
		start := len(d.open)
		for d.dec.PeekKind() != '}' {
			k, err := d.name()
			if err != nil {
				return nil, err
			}
			v, err := d.anyValue(floats)
			if err != nil {
				return nil, err
			}
			d.open = append(d.open, member{k, v})
		}
		m := make(map[string]any, len(d.open)-start)
		for _, kv := range d.open[start:] {
			m[kv.name] = kv.value
		}
		d.open = truncate(d.open, start)
		_, err := d.dec.ReadToken()
		return m, err
	case '[':
		if _, err := d.dec.ReadToken(); err != nil {
			return nil, err
		}
		start := len(d.elems)
		for d.dec.PeekKind() != ']' {
			v, err := d.anyValue(floats)
			if err != nil {
				return nil, err
			}
			d.elems = append(d.elems, v)
		}
		l := append(make([]any, 0, len(d.elems)-start), d.elems[start:]...)
		d.elems = truncate(d.elems, start)
		_, err := d.dec.ReadToken()
		return l, err
	}
	v, err := d.dec.ReadValue()
	if err != nil {
		return nil, err
	}
	switch v[0] {
	case '"':
		return d.unquote(v, false)
	case 't':
		return true, nil
	case 'f':
		return false, nil
	case 'n':
		return nil, nil
	}
	if floats {
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return nil, errNotPlain
		}
		return f, nil
	}
	return json.Number(string(v)), nil
}

// object reads a JSON object, calling member for each member with its
// name; a repeated name among known, or a name that only differs from one
// of them in case, is not plain.
func (d *streamDecoder) object(known []string, member func(name string) error) error {
	if d.dec.PeekKind() != '{' {
		return errNotPlain
	}
	if _, err := d.dec.ReadToken(); err != nil {
		return err
	}
	var seen uint64
	for d.dec.PeekKind() != '}' {
		k, err := d.name()
		if err != nil {
			return err
		}
		i := knownIndex(known, k)
		switch {
		case i == errFolded || i >= 0 && seen&(1<<i) != 0:
			return errNotPlain
		case i >= 0:
			seen |= 1 << i
			err = member(k)
		default:
			err = d.dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
	_, err := d.dec.ReadToken()
	return err
}

// knownIndex is the index of name in known, -1 for a name that is none
// of them and errFolded for one that differs from one of them only in
// case, which encoding/json would match.
func knownIndex(known []string, name string) int {
	for i, k := range known {
		if k == name {
			return i
		}
	}
	for _, k := range known {
		if strings.EqualFold(k, name) {
			return errFolded
		}
	}
	return -1
}

// errFolded is knownIndex's answer for a name that only differs in case.
const errFolded = -2

// streamPlan is what the streaming pass read of a plan document: the
// resource changes decoded, with their positions, the configuration, and
// copies of the variables and the prior state, which encoding/json
// decodes into the planFile.
type streamPlan struct {
	plan      planFile
	changes   []*resourceChange
	positions []position
	// variables is the raw document of the plan's variables, which
	// encoding/json decodes into planFile.
	variables []byte
	// priorState receives the error of decoding the prior state into
	// plan.PriorState, which is only set once it has (nil: the plan has
	// no prior state).
	priorState chan error
}

// decodePriorState decodes the prior state, raw, into sp.plan.PriorState
// on another goroutine while the pass reads on: Terraform writes it before
// the configuration, and all of it is decoded (as tfjson.State) to find the
// few data sources in it, which took a tenth of the pass on a large plan.
func (sp *streamPlan) decodePriorState(raw []byte) {
	done := make(chan error, 1)
	sp.priorState = done
	go func() { done <- json.Unmarshal(raw, &sp.plan.PriorState) }()
}

var topLevelKeys = []string{
	"format_version", "resource_changes", "resource_drift", "configuration", "variables",
	"prior_state", "planned_values", "values", "version", "resources",
}

// decodeStream reads a plan document in one pass; errNotPlain or a syntax
// error when the encoding/json path must decode it instead, or the error
// of stop, which is called now and then (nil: never).
func decodeStream(r io.Reader, stop func() error) (*streamPlan, error) {
	d := newStreamDecoder(r)
	d.stop = stop
	d.pool = newDecodePool(runtime.GOMAXPROCS(0))
	sp := &streamPlan{}
	err := d.object(topLevelKeys, func(k string) error {
		var err error
		switch k {
		case "format_version":
			sp.plan.FormatVersion, err = d.str()
		case "resource_changes":
			err = d.changes(sp)
		case "resource_drift":
			err = d.drift(sp)
		case "configuration":
			sp.plan.Config, err = d.config()
		case "variables":
			sp.variables, err = d.raw()
		case "prior_state":
			var raw []byte
			if raw, err = d.raw(); err == nil {
				sp.decodePriorState(raw)
			}
		case "planned_values":
			sp.plan.PlannedValues = true
			err = d.dec.SkipValue()
		case "values":
			sp.plan.Values = true
			err = d.dec.SkipValue()
		case "version":
			sp.plan.Version = true
			err = d.dec.SkipValue()
		case "resources":
			sp.plan.Resources = true
			err = d.dec.SkipValue()
		}
		return err
	})
	// The pass must not return before the pool's decoders are done with
	// what it made for them.
	if perr := d.pool.wait(); err == nil {
		err = perr
	}
	if err != nil {
		return nil, err
	}
	if _, err := d.dec.ReadToken(); err != io.EOF {
		return nil, errNotPlain
	}
	return sp, nil
}

// array calls elem for each element of a JSON array; null is an empty
// array, anything else is not plain.
func (d *streamDecoder) array(elem func() error) error {
	switch d.dec.PeekKind() {
	case 'n':
		_, err := d.dec.ReadValue()
		return err
	case '[':
	default:
		return errNotPlain
	}
	if _, err := d.dec.ReadToken(); err != nil {
		return err
	}
	for d.dec.PeekKind() != ']' {
		if err := elem(); err != nil {
			return err
		}
	}
	_, err := d.dec.ReadToken()
	return err
}

// nextValueStart is the offset at which the next element of the array
// being read starts, once PeekKind has found it: past the comma and white
// space after the last token.
func (d *streamDecoder) nextValueStart() int64 {
	b := d.dec.UnreadBuffer()
	i := 0
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r', ',':
			i++
			continue
		}
		break
	}
	return d.dec.InputOffset() + int64(i)
}

// changes reads the resource changes and where each starts. Each change
// is decoded into a place made for it now, by the pool when the pass has
// one (decodePool).
func (d *streamDecoder) changes(sp *streamPlan) error {
	sp.changes, sp.positions = nil, nil
	return d.array(func() error {
		if d.stop != nil && len(sp.changes)%256 == 0 {
			if err := d.stop(); err != nil {
				return err
			}
		}
		pos := d.lines.position(d.nextValueStart())
		var rc *resourceChange
		if d.dec.PeekKind() == 'n' {
			if _, err := d.dec.ReadValue(); err != nil {
				return err
			}
		} else {
			rc = &resourceChange{}
			if err := d.later(func(d *streamDecoder) error { return d.changeInto(rc) }); err != nil {
				return err
			}
		}
		sp.changes = append(sp.changes, rc)
		sp.positions = append(sp.positions, pos)
		return nil
	})
}

// later decodes the next value with decode: on the pool's goroutines
// when the pass has a pool, else now. With a pool, the pass itself only
// finds where the value ends, which is a fraction of the work of decoding
// it, and decode must write nowhere but into what it closes over.
func (d *streamDecoder) later(decode func(*streamDecoder) error) error {
	if d.pool == nil {
		return decode(d)
	}
	if d.pool.failed.Load() {
		return errNotPlain
	}
	raw, err := d.dec.ReadValue()
	if err != nil {
		return err
	}
	d.pool.add(raw, decode)
	return nil
}

// decodePool decodes parts of a plan document (its resource changes and
// the resources of its configuration) on other goroutines, in batches of
// consecutive parts, so that a large plan is read at the speed of its
// syntax rather than of its values. Whatever error a part gives, the
// document is then not read by the streaming pass, as when the pass
// decoded the part itself.
type decodePool struct {
	jobs chan decodeBatch
	// free holds the buffers of the batches decoded, for the pass to
	// fill again: nothing decoded refers to them.
	free   chan []byte
	wg     sync.WaitGroup
	failed atomic.Bool
	mu     sync.Mutex
	err    error
	// next is the batch the pass is filling.
	next decodeBatch
}

// decodeBatch holds the raw documents of consecutive parts, one after
// the other in buf, each ending at its entry of ends, and how to decode
// each.
type decodeBatch struct {
	buf    []byte
	ends   []int
	decode []func(*streamDecoder) error
}

// Bounds of a decodeBatch: large enough that handing it over costs little
// next to decoding it, small enough that the pass, which waits when the
// decoders are behind, holds little of the document at a time.
const (
	batchBytes = 256 << 10
	batchParts = 256
)

func newDecodePool(workers int) *decodePool {
	p := &decodePool{jobs: make(chan decodeBatch, workers), free: make(chan []byte, 2*workers+2)}
	for range workers {
		p.wg.Add(1)
		go p.work()
	}
	return p
}

// add queues raw, copied, to be decoded by decode.
func (p *decodePool) add(raw []byte, decode func(*streamDecoder) error) {
	b := &p.next
	if b.buf == nil {
		select {
		case b.buf = <-p.free:
		default:
			b.buf = make([]byte, 0, batchBytes+batchBytes/4)
		}
	}
	b.buf = append(b.buf, raw...)
	b.ends = append(b.ends, len(b.buf))
	b.decode = append(b.decode, decode)
	if len(b.buf) >= batchBytes || len(b.ends) >= batchParts {
		p.jobs <- *b
		*b = decodeBatch{}
	}
}

// work decodes the batches it is given with a decoder of its own, which
// shares names and short strings among the parts it decodes.
func (p *decodePool) work() {
	defer p.wg.Done()
	d := &streamDecoder{
		dec:   jsontext.NewDecoder(bytes.NewReader(nil), jsontext.AllowDuplicateNames(true)),
		names: map[string]string{},
		strs:  map[string]string{},
	}
	for b := range p.jobs {
		if p.failed.Load() {
			continue
		}
		start := 0
		for i, end := range b.ends {
			d.dec.Reset(bytes.NewBuffer(b.buf[start:end]), jsontext.AllowDuplicateNames(true))
			if err := b.decode[i](d); err != nil {
				p.fail(err)
				break
			}
			start = end
		}
		select {
		case p.free <- b.buf[:0]:
		default:
		}
	}
}

func (p *decodePool) fail(err error) {
	p.mu.Lock()
	if p.err == nil {
		p.err = err
	}
	p.mu.Unlock()
	p.failed.Store(true)
}

// wait returns once every part queued is decoded, with the first error
// of one.
func (p *decodePool) wait() error {
	if len(p.next.ends) > 0 {
		p.jobs <- p.next
		p.next = decodeBatch{}
	}
	close(p.jobs)
	p.wg.Wait()
	return p.err
}

var (
	changeKeys = []string{"address", "module_address", "mode", "type", "name", "index", "provider_name", "deposed", "change"}
	planKeys   = []string{"actions", "before", "after", "after_unknown", "before_sensitive", "after_sensitive"}
)

// changeInto reads a resource change, not null, into rc.
func (d *streamDecoder) changeInto(rc *resourceChange) error {
	return d.object(changeKeys, func(k string) error {
		var err error
		switch k {
		case "address":
			rc.Address, err = d.str()
		case "module_address":
			rc.ModuleAddress, err = d.str()
		case "mode":
			rc.Mode, err = d.str()
		case "type":
			rc.Type, err = d.str()
		case "name":
			rc.Name, err = d.str()
		case "index":
			rc.Index, err = d.value()
		case "provider_name":
			rc.ProviderName, err = d.str()
		case "deposed":
			rc.DeposedKey, err = d.str()
		case "change":
			rc.Change, err = d.planChange()
		}
		return err
	})
}

// planChange reads a change's change object: nil for null. Its before
// value is decoded only when the actions, read before it as Terraform
// orders the keys, say the change deletes the object, the one case in
// which the fact describes it; otherwise it is kept as the raw slice of
// the document and decoded only if needed.
func (d *streamDecoder) planChange() (*planChange, error) {
	if d.dec.PeekKind() == 'n' {
		_, err := d.dec.ReadValue()
		return nil, err
	}
	pc := &planChange{}
	actionsRead := false
	err := d.object(planKeys, func(k string) error {
		var err error
		switch k {
		case "actions":
			actionsRead = true
			pc.Actions, err = d.actions()
		case "before":
			if actionsRead && !(len(pc.Actions) == 1 && pc.Actions[0] == "delete") {
				pc.Before = nil
				return d.dec.SkipValue()
			}
			pc.Before, err = d.raw()
		case "after":
			pc.After, err = d.value()
		case "after_unknown":
			pc.AfterUnknown, err = d.mask()
		case "before_sensitive":
			pc.BeforeSensitive, err = d.mask()
		case "after_sensitive":
			pc.AfterSensitive, err = d.mask()
		}
		return err
	})
	return pc, err
}

// mask reads an unknown or sensitive mask (after_unknown,
// after_sensitive, before_sensitive) keeping only what the redactor reads
// of it: the true leaves and the objects and arrays leading to them. A
// part without a true leaf marks nothing, so the redactor reads it as it
// reads nil, which it becomes; most of a plan's masks are such parts
// ({}, [], false), and they were a good part of its decoded size.
func (d *streamDecoder) mask() (any, error) {
	switch d.dec.PeekKind() {
	case '{':
		if _, err := d.dec.ReadToken(); err != nil {
			return nil, err
		}
		start, marked := len(d.open), 0
		for d.dec.PeekKind() != '}' {
			k, err := d.name()
			if err != nil {
				return nil, err
			}
			v, err := d.mask()
			if err != nil {
				return nil, err
			}
			d.open = append(d.open, member{k, v})
			if v != nil {
				marked++
			}
		}
		var m map[string]any
		if marked > 0 {
			m = make(map[string]any, marked)
			for _, kv := range d.open[start:] {
				if kv.value != nil {
					m[kv.name] = kv.value
				} else {
					// A repeated name: the last one counts.
					delete(m, kv.name)
				}
			}
		}
		d.open = truncate(d.open, start)
		_, err := d.dec.ReadToken()
		if len(m) == 0 {
			return nil, err
		}
		return m, err
	case '[':
		if _, err := d.dec.ReadToken(); err != nil {
			return nil, err
		}
		var l []any
		marked := false
		for d.dec.PeekKind() != ']' {
			v, err := d.mask()
			if err != nil {
				return nil, err
			}
			l = append(l, v)
			marked = marked || v != nil
		}
		_, err := d.dec.ReadToken()
		if !marked {
			return nil, err
		}
		return l, err
	}
	v, err := d.dec.ReadValue()
	if err != nil || v[0] != 't' {
		return nil, err
	}
	return true, nil
}

// actions reads a change's actions: nil for null, "" for a null element.
func (d *streamDecoder) actions() ([]string, error) {
	if d.dec.PeekKind() == 'n' {
		_, err := d.dec.ReadValue()
		return nil, err
	}
	out := []string{}
	err := d.array(func() error {
		s, err := d.str()
		out = append(out, s)
		return err
	})
	return out, err
}

// drift keeps each element of resource_drift as a copy, decoded later as
// before (addDrift): drift is small.
func (d *streamDecoder) drift(sp *streamPlan) error {
	sp.plan.ResourceDrift = nil
	return d.array(func() error {
		raw, err := d.raw()
		if err == nil {
			sp.plan.ResourceDrift = append(sp.plan.ResourceDrift, raw)
		}
		return err
	})
}

// config reads a plan's configuration as planConfig decodes it.
func (d *streamDecoder) config() (*planConfig, error) {
	if d.dec.PeekKind() == 'n' {
		_, err := d.dec.ReadValue()
		return nil, err
	}
	cfg := &planConfig{}
	err := d.object([]string{"root_module"}, func(string) error {
		var err error
		cfg.RootModule, err = d.module(0)
		return err
	})
	return cfg, err
}

// maxStreamDepth bounds the nesting of modules and blocks the streaming
// pass follows itself; deeper ones are left to encoding/json.
const maxStreamDepth = 256

var (
	moduleKeys   = []string{"resources", "module_calls", "variables"}
	resourceKeys = []string{"mode", "type", "name", "expressions"}
)

// module reads a module of the configuration: nil for null.
func (d *streamDecoder) module(depth int) (*configModule, error) {
	if depth > maxStreamDepth {
		return nil, errNotPlain
	}
	if d.dec.PeekKind() == 'n' {
		_, err := d.dec.ReadValue()
		return nil, err
	}
	m := &configModule{}
	err := d.object(moduleKeys, func(k string) error {
		switch k {
		case "resources":
			m.Resources = nil
			return d.array(func() error {
				r, err := d.configResource(depth)
				m.Resources = append(m.Resources, r)
				return err
			})
		case "module_calls":
			return d.members(func(name string) error {
				if d.dec.PeekKind() == 'n' {
					_, err := d.dec.ReadValue()
					m.ModuleCalls = putMember(m.ModuleCalls, name, nil)
					return err
				}
				call := &moduleCall{}
				m.ModuleCalls = putMember(m.ModuleCalls, name, call)
				return d.object([]string{"module"}, func(string) error {
					var err error
					call.Module, err = d.module(depth + 1)
					return err
				})
			})
		default:
			return d.members(func(name string) error {
				if d.dec.PeekKind() == 'n' {
					_, err := d.dec.ReadValue()
					m.Variables = putMember(m.Variables, name, nil)
					return err
				}
				v := &configVariable{}
				m.Variables = putMember(m.Variables, name, v)
				return d.object([]string{"sensitive"}, func(string) error {
					b, err := d.dec.ReadValue()
					switch {
					case err != nil:
						return err
					case b[0] == 't':
						v.Sensitive = true
					case b[0] == 'f', b[0] == 'n':
						v.Sensitive = false
					default:
						return errNotPlain
					}
					return nil
				})
			})
		}
	})
	return m, err
}

// putMember sets m[k] = v, making m if need be, as encoding/json fills a
// map.
func putMember[V any](m map[string]V, k string, v V) map[string]V {
	if m == nil {
		m = map[string]V{}
	}
	m[k] = v
	return m
}

// members calls member with the name of each member of a JSON object
// decoded into a Go map; null leaves the map as it is.
func (d *streamDecoder) members(member func(name string) error) error {
	switch d.dec.PeekKind() {
	case 'n':
		_, err := d.dec.ReadValue()
		return err
	case '{':
	default:
		return errNotPlain
	}
	if _, err := d.dec.ReadToken(); err != nil {
		return err
	}
	for d.dec.PeekKind() != '}' {
		k, err := d.name()
		if err != nil {
			return err
		}
		if err := member(k); err != nil {
			return err
		}
	}
	_, err := d.dec.ReadToken()
	return err
}

// configResource reads a resource of the configuration: nil for null.
func (d *streamDecoder) configResource(depth int) (*configResource, error) {
	if d.dec.PeekKind() == 'n' {
		_, err := d.dec.ReadValue()
		return nil, err
	}
	r := &configResource{}
	return r, d.later(func(d *streamDecoder) error { return d.configResourceInto(r, depth) })
}

// configResourceInto reads a resource of the configuration, not null,
// into r.
func (d *streamDecoder) configResourceInto(r *configResource, depth int) error {
	return d.object(resourceKeys, func(k string) error {
		var err error
		switch k {
		case "mode":
			r.Mode, err = d.str()
		case "type":
			r.Type, err = d.str()
		case "name":
			r.Name, err = d.str()
		default:
			r.Expressions, err = d.expressions(r.Expressions, depth+1)
		}
		return err
	})
}

// expressions reads the expressions of a resource or nested block into
// exprs (made if need be; null leaves it as it is).
func (d *streamDecoder) expressions(exprs map[string]*expression, depth int) (map[string]*expression, error) {
	if depth > maxStreamDepth {
		return nil, errNotPlain
	}
	// As in anyValue, the map is made once its size is known.
	start := len(d.openExprs)
	err := d.members(func(name string) error {
		e, err := d.expression(depth)
		d.openExprs = append(d.openExprs, namedExpression{name, e})
		return err
	})
	if n := len(d.openExprs) - start; n > 0 && exprs == nil {
		exprs = make(map[string]*expression, n)
	}
	for _, ne := range d.openExprs[start:] {
		exprs[ne.name] = ne.expr
	}
	d.openExprs = truncate(d.openExprs, start)
	return exprs, err
}

// namedExpression is an expression read and not yet put in its map.
type namedExpression struct {
	name string
	expr *expression
}

var expressionKeys = []string{"constant_value", "references"}

// expression reads one expression as expression.UnmarshalJSON does: nil
// for null.
func (d *streamDecoder) expression(depth int) (*expression, error) {
	e := &expression{}
	switch d.dec.PeekKind() {
	case 'n':
		_, err := d.dec.ReadValue()
		return nil, err
	case '[':
		e.blocks = []map[string]*expression{}
		err := d.array(func() error {
			if d.dec.PeekKind() == 'n' {
				_, err := d.dec.ReadValue()
				e.blocks = append(e.blocks, nil)
				return err
			}
			if d.dec.PeekKind() != '{' {
				return errNotPlain
			}
			b, err := d.expressions(nil, depth+1)
			if b == nil {
				b = map[string]*expression{}
			}
			e.blocks = append(e.blocks, b)
			return err
		})
		return e, err
	case '{':
	default:
		return nil, errNotPlain
	}
	var constant any
	err := d.object(expressionKeys, func(k string) error {
		var err error
		if k == "constant_value" {
			constant, err = d.anyValue(true)
			return err
		}
		if d.dec.PeekKind() == 'n' {
			_, err = d.dec.ReadValue()
			return err
		}
		e.references = []string{}
		return d.array(func() error {
			s, err := d.str()
			e.references = append(e.references, s)
			return err
		})
	})
	if constant != nil && len(e.references) == 0 {
		e.constant, e.hasConstant = constant, true
	}
	return e, err
}
