package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Pos is a 1-based line and column in a file; zero when unknown.
type Pos struct {
	Line int
	Col  int
}

// Document is one decoded YAML or JSON document: a JSON-compatible value
// (map[string]any, []any, string, int64, float64, bool or nil) and the
// position of every value in it, so that a problem found later (a schema
// violation, a bad field) can name the line it is on.
type Document struct {
	File string
	// Index is the document's 0-based position in a multi-document stream.
	Index int
	Value any
	pos   *posNode
}

// posNode is the position of one value and of the values inside it: a
// tree that mirrors the document, so that a value deep under long keys
// costs one node, not a copy of its whole JSON pointer. Keys are the
// strings the decoded value holds too.
type posNode struct {
	pos    Pos
	fields map[string]*posNode
	items  []*posNode
}

// field returns the node of key under n, made if need be.
func (n *posNode) field(key string) *posNode {
	if c, ok := n.fields[key]; ok {
		return c
	}
	if n.fields == nil {
		n.fields = map[string]*posNode{}
	}
	c := &posNode{}
	n.fields[key] = c
	return c
}

// Pos returns the position of the value at the JSON pointer ("" is the
// document, "/records/0/owner" a field: the position of its key), or of its
// nearest ancestor whose position is known.
func (d *Document) Pos(pointer string) Pos {
	n := d.pos
	if n == nil {
		return Pos{}
	}
	best := n.pos
	for pointer != "" {
		pointer = strings.TrimPrefix(pointer, "/")
		seg := pointer
		if i := strings.IndexByte(pointer, '/'); i >= 0 {
			seg, pointer = pointer[:i], pointer[i:]
		} else {
			pointer = ""
		}
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		var next *posNode
		if c, ok := n.fields[seg]; ok {
			next = c
		} else if i, err := strconv.Atoi(seg); err == nil && i >= 0 && i < len(n.items) && strconv.Itoa(i) == seg {
			next = n.items[i]
		}
		if next == nil {
			break
		}
		n = next
		if n.pos != (Pos{}) {
			best = n.pos
		}
	}
	return best
}

// Where formats the position of the value at pointer as "file:line:col",
// or "file" when it is unknown.
func (d *Document) Where(pointer string) string {
	p := d.Pos(pointer)
	if p.Line == 0 {
		return d.File
	}
	return fmt.Sprintf("%s:%d:%d", d.File, p.Line, p.Col)
}

// DecodeLimits bound what one file may expand to, so that a hostile file
// (an alias bomb, a deeply nested document) is an error rather than a
// memory or stack blow-up.
type DecodeLimits struct {
	// MaxValues bounds the values produced from one file, aliases expanded.
	MaxValues int
	// MaxDepth bounds nesting.
	MaxDepth int
	// MaxDocuments bounds the documents in a multi-document stream.
	MaxDocuments int
}

// DefaultDecodeLimits returns the limits DecodeYAML uses when given zero
// limits: they fit any real manifest, evidence record or project file with
// room to spare.
func DefaultDecodeLimits() DecodeLimits {
	return DecodeLimits{MaxValues: 5_000_000, MaxDepth: 256, MaxDocuments: 100_000}
}

// DecodeYAML decodes every document of a YAML stream (JSON is YAML, so JSON
// files decode too, read as JSON when they are plain JSON: decodeJSON).
// Scalars keep YAML 1.2 core-schema types except timestamps, which stay
// the strings they were written as. Empty documents are skipped. Errors
// name the file and line.
func DecodeYAML(file string, data []byte, limits DecodeLimits) ([]Document, error) {
	if limits == (DecodeLimits{}) {
		limits = DefaultDecodeLimits()
	}
	data, err := CheckText(file, data)
	if err != nil {
		return nil, err
	}
	if docs, ok := decodeJSON(file, data, limits); ok {
		return docs, nil
	}
	return decodeYAMLStream(file, data, limits)
}

// decodeYAMLStream is DecodeYAML through the YAML parser.
func decodeYAMLStream(file string, data []byte, limits DecodeLimits) ([]Document, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	b := &builder{limits: limits}
	var docs []Document
	for i := 0; ; i++ {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, yamlError(file, err)
		}
		if len(docs) >= limits.MaxDocuments {
			return nil, fmt.Errorf("%s: more than %d YAML documents", file, limits.MaxDocuments)
		}
		root := &n
		if root.Kind == yaml.DocumentNode {
			if len(root.Content) == 0 {
				continue
			}
			root = root.Content[0]
		}
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			continue // an empty document between two "---"
		}
		doc := Document{File: file, Index: i, pos: &posNode{}}
		b.doc = &doc
		v, err := b.value(root, doc.pos, 0)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		doc.Value = v
		docs = append(docs, doc)
	}
	return docs, nil
}

type builder struct {
	limits DecodeLimits
	doc    *Document
	values int
	// inAlias counts the aliases being expanded: values copied from an
	// anchor keep the position of the alias, so none is recorded for them,
	// which keeps an alias bomb from filling the position map too.
	inAlias int
}

// value decodes n; at is its position node, nil inside an alias (values
// copied from an anchor keep the position of the alias).
func (b *builder) value(n *yaml.Node, at *posNode, depth int) (any, error) {
	if depth > b.limits.MaxDepth {
		return nil, fmt.Errorf("line %d: nested more than %d levels deep", n.Line, b.limits.MaxDepth)
	}
	b.values++
	if b.values > b.limits.MaxValues {
		return nil, fmt.Errorf("line %d: more than %d values (a YAML alias expanding without bound?)", n.Line, b.limits.MaxValues)
	}
	if at != nil && b.inAlias == 0 && at.pos == (Pos{}) {
		at.pos = Pos{Line: n.Line, Col: n.Column}
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, fmt.Errorf("line %d: unknown alias %q", n.Line, n.Value)
		}
		b.inAlias++
		defer func() { b.inAlias-- }()
		return b.value(n.Alias, nil, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		if at != nil && b.inAlias == 0 {
			at.items = make([]*posNode, len(n.Content))
		}
		for i, c := range n.Content {
			var child *posNode
			if at != nil && b.inAlias == 0 {
				child = &posNode{}
				at.items[i] = child
			}
			v, err := b.value(c, child, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		return b.mapping(n, at, depth)
	case yaml.ScalarNode:
		return scalar(n)
	}
	return nil, fmt.Errorf("line %d: unsupported YAML node", n.Line)
}

func (b *builder) mapping(n *yaml.Node, at *posNode, depth int) (map[string]any, error) {
	out := make(map[string]any, len(n.Content)/2)
	explicit := map[string]bool{}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("line %d: a mapping key must be a scalar", k.Line)
		}
		key := k.Value
		if explicit[key] {
			return nil, fmt.Errorf("line %d: key %q appears twice in the same mapping", k.Line, key)
		}
		explicit[key] = true
		// A field is reported where its key stands.
		var child *posNode
		if at != nil && b.inAlias == 0 {
			child = at.field(key)
			if child.pos == (Pos{}) {
				child.pos = Pos{Line: k.Line, Col: k.Column}
			}
		}
		val, err := b.value(v, child, depth+1)
		if err != nil {
			return nil, err
		}
		out[key] = val
	}
	// "<<: *base" merges keys the mapping does not set itself.
	for _, m := range merges {
		src := m
		if src.Kind == yaml.AliasNode && src.Alias != nil {
			src = src.Alias
		}
		var maps []*yaml.Node
		switch src.Kind {
		case yaml.MappingNode:
			maps = []*yaml.Node{src}
		case yaml.SequenceNode:
			for _, c := range src.Content {
				if c.Kind == yaml.AliasNode && c.Alias != nil {
					c = c.Alias
				}
				maps = append(maps, c)
			}
		}
		for _, mm := range maps {
			if mm.Kind != yaml.MappingNode {
				return nil, fmt.Errorf("line %d: \"<<\" merges only mappings", m.Line)
			}
			merged, err := b.mapping(mm, at, depth+1)
			if err != nil {
				return nil, err
			}
			for k, v := range merged {
				if _, set := out[k]; !set {
					out[k] = v
				}
			}
		}
	}
	return out, nil
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func scalar(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		var v bool
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("line %d: %q is not a boolean", n.Line, n.Value)
		}
		return v, nil
	case "!!int":
		var v int64
		if err := n.Decode(&v); err != nil {
			// Too large for int64: keep the digits' value as a float.
			f, ferr := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
			if ferr != nil {
				return nil, fmt.Errorf("line %d: %q is not an integer", n.Line, n.Value)
			}
			return f, nil
		}
		return v, nil
	case "!!float":
		var v float64
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("line %d: %q is not a number", n.Line, n.Value)
		}
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, fmt.Errorf("line %d: %q is not a finite number", n.Line, n.Value)
		}
		return v, nil
	default:
		// Strings, timestamps (kept as written: "2026-02-01"), binary.
		return n.Value, nil
	}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError rewrites the YAML library's "yaml: line N: msg" as
// "file:N: msg".
func yamlError(file string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: invalid YAML: %s", file, m[1], m[2])
	}
	return fmt.Errorf("%s: invalid YAML: %s", file, strings.TrimPrefix(msg, "yaml: "))
}
