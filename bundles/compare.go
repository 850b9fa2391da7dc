package bundles

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"maps"
	"slices"

	"github.com/annexa-dev/annexa/internal/jsonscan"
)

// topLevelMembers splits a JSON object into its members: each name with
// its value's bytes, which are slices of doc, not copies. A name given
// twice keeps its last value, as json.Unmarshal into a map does. doc must
// be valid JSON (checkClaims has decoded it); anything but an object is an
// error.
func topLevelMembers(doc []byte) (map[string][]byte, error) {
	i := skipSpace(doc, 0)
	if i >= len(doc) || doc[i] != '{' {
		return nil, errors.New("not a JSON object")
	}
	out := map[string][]byte{}
	i = skipSpace(doc, i+1)
	if i < len(doc) && doc[i] == '}' {
		return out, nil
	}
	for {
		if i >= len(doc) || doc[i] != '"' {
			return nil, errors.New("a member name was expected")
		}
		end := endOfValue(doc, i)
		var name string
		if err := json.Unmarshal(doc[i:end], &name); err != nil {
			return nil, fmt.Errorf("member name: %w", err)
		}
		i = skipSpace(doc, end)
		if i >= len(doc) || doc[i] != ':' {
			return nil, fmt.Errorf("member %q: ':' expected", name)
		}
		i = skipSpace(doc, i+1)
		end = endOfValue(doc, i)
		if end <= i {
			return nil, fmt.Errorf("member %q has no value", name)
		}
		out[name] = doc[i:end]
		i = skipSpace(doc, end)
		switch {
		case i < len(doc) && doc[i] == ',':
			i = skipSpace(doc, i+1)
		case i < len(doc) && doc[i] == '}':
			return out, nil
		default:
			return nil, fmt.Errorf("member %q: ',' or '}' expected", name)
		}
	}
}

func skipSpace(doc []byte, i int) int {
	for i < len(doc) && jsonscan.IsSpace(doc[i]) {
		i++
	}
	return i
}

// endOfValue returns the index just after the JSON value that starts at
// doc[i]: a string, an object or array (to its matching bracket), or a
// literal (up to the next delimiter).
func endOfValue(doc []byte, i int) int {
	depth := 0
	var str jsonscan.Strings
	for j := i; j < len(doc); j++ {
		c := doc[j]
		if str.Step(c) {
			if depth == 0 && !str.In() {
				return j + 1
			}
			continue
		}
		switch c {
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return j
			}
			depth--
			if depth == 0 {
				return j + 1
			}
		case ',':
			if depth == 0 {
				return j
			}
		default:
			if depth == 0 && jsonscan.IsSpace(c) {
				return j
			}
		}
	}
	return len(doc)
}

// compactDigest is the sha256 of a JSON value's bytes without the
// insignificant whitespace between its tokens: of what json.Compact
// would make of it, computed as the bytes pass, without a copy.
type compactDigest struct {
	h   hash.Hash
	buf []byte
	str jsonscan.Strings
}

func newCompactDigest() *compactDigest {
	return &compactDigest{h: sha256.New(), buf: make([]byte, 0, 32<<10)}
}

// reset starts a new value.
func (d *compactDigest) reset() {
	d.h.Reset()
	d.buf = d.buf[:0]
	d.str = jsonscan.Strings{}
}

// add takes the value's next byte.
func (d *compactDigest) add(c byte) {
	if !d.str.Step(c) && jsonscan.IsSpace(c) {
		return
	}
	d.buf = append(d.buf, c)
	if len(d.buf) == cap(d.buf) {
		d.h.Write(d.buf)
		d.buf = d.buf[:0]
	}
}

// sum is the digest of the value so far.
func (d *compactDigest) sum() [sha256.Size]byte {
	d.h.Write(d.buf)
	d.buf = d.buf[:0]
	var out [sha256.Size]byte
	d.h.Sum(out[:0])
	return out
}

// sectionDigests digests each top-level section of a report
// (compactDigest), so that the report itself need not be kept to compare
// a replay with it.
func sectionDigests(report []byte) (map[string][sha256.Size]byte, error) {
	members, err := topLevelMembers(report)
	if err != nil {
		return nil, err
	}
	out := make(map[string][sha256.Size]byte, len(members))
	d := newCompactDigest()
	for name, v := range members {
		d.reset()
		for _, c := range v {
			d.add(c)
		}
		out[name] = d.sum()
	}
	return out, nil
}

// sectionComparer is an io.Writer that takes a rendered report, as
// output.JSON writes it, and compares the digest of each top-level
// section as it arrives with the recorded report's (sectionDigests),
// keeping none of it: a replay of a large bundle holds no second
// rendering of its report, nor the recorded one. The stream must be one
// JSON object, as the renderer writes it.
type sectionComparer struct {
	recorded map[string][sha256.Size]byte
	// seen are the sections written, and differ those of them (not
	// skipped) that differ from the recorded ones or are not recorded.
	seen, differ map[string]bool

	state int
	// name collects the current member name as written (quoted).
	name []byte
	// current is the member whose value is being written, skip says it is
	// not compared, and digest digests its value.
	current string
	skip    bool
	digest  *compactDigest
	// depth and str track the written value, and str the name as well.
	depth int
	str   jsonscan.Strings
}

// States of a sectionComparer between the bytes of the object.
const (
	cmpBeforeObject = iota
	cmpBeforeName
	cmpInName
	cmpBeforeColon
	cmpBeforeValue
	cmpInValue
	cmpAfterValue
	cmpDone
)

func newSectionComparer(recorded map[string][sha256.Size]byte) *sectionComparer {
	return &sectionComparer{recorded: recorded, seen: map[string]bool{}, differ: map[string]bool{}, digest: newCompactDigest()}
}

// Write implements io.Writer.
func (c *sectionComparer) Write(p []byte) (int, error) {
	for i, b := range p {
		if err := c.byte(b); err != nil {
			return i, err
		}
	}
	return len(p), nil
}

func (c *sectionComparer) byte(b byte) error {
	switch c.state {
	case cmpInValue:
		c.valueByte(b)
		return nil
	case cmpInName:
		c.name = append(c.name, b)
		if c.str.Step(b); !c.str.In() {
			return c.startMember()
		}
		return nil
	}
	if jsonscan.IsSpace(b) {
		return nil
	}
	switch {
	case c.state == cmpBeforeObject && b == '{':
		c.state = cmpBeforeName
	case c.state == cmpBeforeName && b == '"':
		c.name = append(c.name[:0], b)
		c.str = jsonscan.Strings{}
		c.str.Step(b)
		c.state = cmpInName
	case c.state == cmpBeforeName && b == '}' && len(c.seen) == 0:
		c.state = cmpDone
	case c.state == cmpBeforeColon && b == ':':
		c.state = cmpBeforeValue
	case c.state == cmpBeforeValue:
		c.state = cmpInValue
		c.valueByte(b)
	case c.state == cmpAfterValue && b == ',':
		c.state = cmpBeforeName
	case c.state == cmpAfterValue && b == '}':
		c.state = cmpDone
	default:
		return fmt.Errorf("the rendered report is not one JSON object: unexpected %q", b)
	}
	return nil
}

// startMember begins the member whose quoted name c.name holds.
func (c *sectionComparer) startMember() error {
	var name string
	if err := json.Unmarshal(c.name, &name); err != nil {
		return fmt.Errorf("the rendered report has a member name %s that is not a string: %w", c.name, err)
	}
	if c.seen[name] {
		return fmt.Errorf("the rendered report has the member %q twice", name)
	}
	c.seen[name] = true
	c.current, c.skip = name, skippedSection(name)
	c.digest.reset()
	c.depth, c.str = 0, jsonscan.Strings{}
	c.state = cmpBeforeColon
	return nil
}

// valueByte takes one byte of the current member's value.
func (c *sectionComparer) valueByte(b byte) {
	end := false
	switch {
	case c.str.Step(b):
		end = c.depth == 0 && !c.str.In()
	case jsonscan.IsSpace(b):
		if c.depth == 0 {
			// After a literal value at the top: its end.
			c.endValue()
			c.state = cmpAfterValue
		}
		return
	case b == '{' || b == '[':
		c.depth++
	case b == '}' || b == ']':
		if c.depth == 0 {
			// The object closes after a literal value.
			c.endValue()
			c.state = cmpDone
			return
		}
		c.depth--
		end = c.depth == 0
	case b == ',' && c.depth == 0:
		c.endValue()
		c.state = cmpBeforeName
		return
	}
	if !c.skip {
		c.digest.add(b)
	}
	if end {
		c.endValue()
		c.state = cmpAfterValue
	}
}

// endValue ends the current member's value and compares its digest.
func (c *sectionComparer) endValue() {
	if c.skip {
		return
	}
	if want, ok := c.recorded[c.current]; !ok || c.digest.sum() != want {
		c.differ[c.current] = true
	}
}

// close checks that the whole object was written.
func (c *sectionComparer) close() error {
	if c.state != cmpDone {
		return errors.New("the rendered report ended before its object did")
	}
	return nil
}

// identical returns the sections compared, sorted, and whether every one
// is the same in both reports: none differs, none is only in one.
func (c *sectionComparer) identical() ([]string, bool) {
	same := len(c.differ) == 0
	names := map[string]bool{}
	for n := range c.seen {
		if !skippedSection(n) {
			names[n] = true
		}
	}
	for n := range c.recorded {
		if !skippedSection(n) {
			same = same && c.seen[n]
			names[n] = true
		}
	}
	return slices.Sorted(maps.Keys(names)), same
}
