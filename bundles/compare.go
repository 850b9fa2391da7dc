package bundles

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// isSpace reports whether c is insignificant whitespace between JSON
// tokens.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

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
	for i < len(doc) && isSpace(doc[i]) {
		i++
	}
	return i
}

// endOfValue returns the index just after the JSON value that starts at
// doc[i]: a string, an object or array (to its matching bracket), or a
// literal (up to the next delimiter).
func endOfValue(doc []byte, i int) int {
	depth, inString, escaped := 0, false, false
	for j := i; j < len(doc); j++ {
		c := doc[j]
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
				if depth == 0 {
					return j + 1
				}
			}
			continue
		}
		switch c {
		case '"':
			inString = true
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
			if depth == 0 && isSpace(c) {
				return j
			}
		}
	}
	return len(doc)
}

// sectionComparer is an io.Writer that takes a rendered report, as
// output.JSON writes it, and compares each top-level section as it
// arrives with the recorded report's, insignificant whitespace aside (as
// comparing the json.Compact forms would), keeping neither: a replay of
// a large bundle does not hold a second rendering of its report. The
// stream must be one JSON object, as the renderer writes it.
type sectionComparer struct {
	recorded map[string][]byte
	// seen are the sections written, and differ those of them (not
	// skipped) that differ from the recorded ones or are not recorded.
	seen, differ map[string]bool

	state int
	// name collects the current member name as written (quoted).
	name []byte
	// current is the member whose value is being written; skip says it is
	// not compared, mismatch that it already differs.
	current        string
	skip, mismatch bool
	// want is the rest of the recorded value, and wantString/wantEscaped
	// its string state, to skip its layout.
	want                    []byte
	wantString, wantEscaped bool
	// depth, inString and escaped track the written value.
	depth             int
	inString, escaped bool
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

func newSectionComparer(recorded map[string][]byte) *sectionComparer {
	return &sectionComparer{recorded: recorded, seen: map[string]bool{}, differ: map[string]bool{}}
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
		switch {
		case c.escaped:
			c.escaped = false
		case b == '\\':
			c.escaped = true
		case b == '"':
			return c.startMember()
		}
		return nil
	}
	if isSpace(b) {
		return nil
	}
	switch {
	case c.state == cmpBeforeObject && b == '{':
		c.state = cmpBeforeName
	case c.state == cmpBeforeName && b == '"':
		c.name = append(c.name[:0], b)
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
	c.current, c.skip, c.mismatch = name, skippedSection(name), false
	want, recorded := c.recorded[name]
	if !recorded && !c.skip {
		c.differ[name], c.mismatch = true, true
	}
	c.want, c.wantString, c.wantEscaped = want, false, false
	c.depth, c.inString, c.escaped = 0, false, false
	c.state = cmpBeforeColon
	return nil
}

// valueByte takes one byte of the current member's value.
func (c *sectionComparer) valueByte(b byte) {
	end := false
	switch {
	case c.inString:
		switch {
		case c.escaped:
			c.escaped = false
		case b == '\\':
			c.escaped = true
		case b == '"':
			c.inString = false
		}
	case isSpace(b):
		if c.depth == 0 {
			// After a literal value at the top: its end.
			c.endValue()
			c.state = cmpAfterValue
		}
		return
	case b == '"':
		c.inString = true
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
	c.compare(b)
	if end || (c.depth == 0 && !c.inString && b == '"') {
		c.endValue()
		c.state = cmpAfterValue
	}
}

// compare matches one significant byte of the written value with the next
// one of the recorded value.
func (c *sectionComparer) compare(b byte) {
	if c.skip || c.mismatch {
		return
	}
	i := 0
	if !c.wantString {
		for i < len(c.want) && isSpace(c.want[i]) {
			i++
		}
	}
	if i >= len(c.want) || c.want[i] != b {
		c.differ[c.current], c.mismatch = true, true
		return
	}
	w := c.want[i]
	c.want = c.want[i+1:]
	switch {
	case !c.wantString:
		c.wantString = w == '"'
	case c.wantEscaped:
		c.wantEscaped = false
	case w == '\\':
		c.wantEscaped = true
	case w == '"':
		c.wantString = false
	}
}

// endValue ends the current member's value: it differs if the recorded
// one goes on.
func (c *sectionComparer) endValue() {
	if c.skip || c.mismatch {
		return
	}
	if skipSpace(c.want, 0) < len(c.want) {
		c.differ[c.current], c.mismatch = true, true
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
