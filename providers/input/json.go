package input

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// decodeJSON decodes data, once CheckText has passed it, as DecodeYAML
// decodes it through the YAML parser, when it is one plain JSON value: the
// shape of a register exported as .json or a manifest written by a tool.
// Reading JSON as JSON is several times faster than through the YAML
// parser, which was most of the time of reading a large register. ok is
// false for anything else, and DecodeYAML then decodes data as before,
// errors included: YAML, JSON with a syntax error or a repeated key, more
// than one value, a number too large for a float64, an escaped UTF-16
// surrogate (which the YAML parser reads differently), or a document over
// the limits.
func decodeJSON(file string, data []byte, limits DecodeLimits) (docs []Document, ok bool) {
	start := bytes.TrimLeft(data, " \t\r\n")
	if len(start) == 0 || start[0] != '{' && start[0] != '[' {
		return nil, false
	}
	// A carriage return alone ends a line for the YAML parser and not
	// here; such a file is left to it.
	if cr := bytes.Count(data, []byte("\r")); cr > 0 && cr != bytes.Count(data, []byte("\r\n")) {
		return nil, false
	}
	j := &jsonDecoder{dec: jsontext.NewDecoder(bytes.NewReader(data)), data: data, limits: limits, line: 1}
	doc := Document{File: file, pos: &posNode{}}
	v, err := j.value(doc.pos, 0)
	if err != nil {
		return nil, false
	}
	if _, err := j.dec.ReadToken(); !errors.Is(err, io.EOF) {
		return nil, false
	}
	doc.Value = v
	return []Document{doc}, true
}

// errNotPlainJSON ends decodeJSON for input it leaves to the YAML parser.
var errNotPlainJSON = errors.New("not plain JSON")

// jsonDecoder reads a JSON value into the values and positions the YAML
// builder makes of it.
type jsonDecoder struct {
	dec    *jsontext.Decoder
	data   []byte
	limits DecodeLimits
	values int
	// line, lineStart and col are the position of offset, the start of the
	// last value or key located: offsets only grow, so each is found from
	// the last, and a minified document on one line is not read again and
	// again for every column.
	line, col         int
	lineStart, offset int
}

// next is the position of the value or key about to be read, once
// PeekKind has found it: past the white space, comma or colon before it.
// Columns count characters, as the YAML parser counts them.
func (j *jsonDecoder) next() Pos {
	at := int(j.dec.InputOffset())
	for _, c := range j.dec.UnreadBuffer() {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':' {
			break
		}
		at++
	}
	for {
		nl := bytes.IndexByte(j.data[j.offset:at], '\n')
		if nl < 0 {
			break
		}
		j.line++
		j.lineStart = j.offset + nl + 1
		j.offset, j.col = j.lineStart, 0
	}
	j.col += utf8.RuneCount(j.data[j.offset:at])
	j.offset = at
	return Pos{Line: j.line, Col: j.col + 1}
}

// value reads one value; at is its position node.
func (j *jsonDecoder) value(at *posNode, depth int) (any, error) {
	j.values++
	if depth > j.limits.MaxDepth || j.values > j.limits.MaxValues {
		return nil, errNotPlainJSON
	}
	// PeekKind first, so that the value's text is in the buffer next reads.
	kind := j.dec.PeekKind()
	if at.pos == (Pos{}) {
		at.pos = j.next()
	}
	switch kind {
	case '{':
		return j.object(at, depth)
	case '[':
		if _, err := j.dec.ReadToken(); err != nil {
			return nil, err
		}
		out := []any{}
		for j.dec.PeekKind() != ']' {
			child := &posNode{}
			v, err := j.value(child, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
			at.items = append(at.items, child)
		}
		_, err := j.dec.ReadToken()
		return out, err
	}
	raw, err := j.dec.ReadValue()
	if err != nil {
		return nil, err
	}
	switch raw[0] {
	case 'n':
		return nil, nil
	case 't':
		return true, nil
	case 'f':
		return false, nil
	case '"':
		return unquote(raw)
	}
	return number(string(raw))
}

// object reads an object; a field's position is where its key stands.
func (j *jsonDecoder) object(at *posNode, depth int) (map[string]any, error) {
	if _, err := j.dec.ReadToken(); err != nil {
		return nil, err
	}
	out := map[string]any{}
	for j.dec.PeekKind() != '}' {
		keyAt := j.next()
		raw, err := j.dec.ReadValue()
		if err != nil {
			return nil, err
		}
		key, err := unquote(raw)
		if err != nil {
			return nil, err
		}
		child := at.field(key)
		child.pos = keyAt
		v, err := j.value(child, depth+1)
		if err != nil {
			return nil, err
		}
		out[key] = v
	}
	_, err := j.dec.ReadToken()
	return out, err
}

// unquote is the string of a JSON string. The YAML parser reads each
// escaped half of a UTF-16 surrogate pair as a character of its own; such
// a string is left to it.
func unquote(raw []byte) (string, error) {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1]), nil
	}
	// A surrogate is \uD800 to \uDFFF; |0x20 lowers a hex letter.
	for rest := raw; ; {
		i := bytes.Index(rest, []byte(`\u`))
		if i < 0 {
			break
		}
		rest = rest[i+2:]
		if len(rest) >= 2 && rest[0]|0x20 == 'd' && bytes.IndexByte([]byte("89abcdef"), rest[1]|0x20) >= 0 {
			return "", errNotPlainJSON
		}
	}
	s, err := jsontext.AppendUnquote(nil, raw)
	return string(s), err
}

// number is a JSON number as the YAML builder reads it: an integer as an
// int64, or a float64 when it has a fraction or an exponent or is too
// large for an int64.
func number(s string) (any, error) {
	if !bytes.ContainsAny([]byte(s), ".eE") {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n, nil
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return nil, errNotPlainJSON
	}
	return f, nil
}
