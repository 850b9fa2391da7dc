package input

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Schemas is a set of compiled JSON Schemas (draft 2020-12) keyed by name,
// the file name without ".json".
type Schemas map[string]*jsonschema.Schema

// CompileSchemas compiles every *.json file in dir of fsys. Schemas may
// refer to each other by file name ("$ref": "source.json"), resolved
// against base, the URI prefix their "$id"s share.
func CompileSchemas(fsys fs.FS, dir, base string) (Schemas, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read schemas %s: %w", dir, err)
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	var names []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read schema %s: %w", e.Name(), err)
		}
		if err := c.AddResource(base+e.Name(), bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("load schema %s: %w", e.Name(), err)
		}
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	out := Schemas{}
	for _, name := range names {
		s, err := c.Compile(base + name + ".json")
		if err != nil {
			return nil, fmt.Errorf("compile schema %s: %w", name, err)
		}
		out[name] = s
	}
	return out, nil
}

// Violation is one way a value breaks its schema.
type Violation struct {
	// Field is the JSON pointer of the offending value in the document
	// ("" for the document itself).
	Field   string
	Pos     Pos
	Message string
}

// SchemaError lists the violations of one document, in file order.
type SchemaError struct {
	File       string
	What       string // "evidence record TR-1", "project file"
	Violations []Violation
}

// maxViolations bounds how many violations one error lists.
const maxViolations = 10

func (e *SchemaError) Error() string {
	var b strings.Builder
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("\n")
		}
		if i == maxViolations {
			fmt.Fprintf(&b, "... and %d more problems in %s", len(e.Violations)-maxViolations, e.File)
			break
		}
		b.WriteString(e.File)
		if v.Pos.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", v.Pos.Line, v.Pos.Col)
		}
		field := v.Field
		if field == "" {
			field = "(top level)"
		}
		fmt.Fprintf(&b, ": %s: field %s: %s", e.What, field, v.Message)
	}
	return b.String()
}

// Validate checks the value at pointer in d (the whole document for "")
// against s. It returns a *SchemaError naming every violated field with its
// line, labelled with what ("evidence record TR-1").
func (d *Document) Validate(s *jsonschema.Schema, pointer, what string) error {
	v, ok := d.lookup(pointer)
	if !ok {
		return fmt.Errorf("%s: %s: no value at %s", d.File, what, pointer)
	}
	err := s.Validate(v)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("%s: validate %s: %w", d.File, what, err)
	}
	se := &SchemaError{File: d.File, What: what}
	seen := map[string]bool{}
	add := func(field, msg string) {
		key := field + "\x00" + msg
		if !seen[key] {
			seen[key] = true
			se.Violations = append(se.Violations, Violation{Field: field, Pos: d.Pos(field), Message: msg})
		}
	}
	for _, leaf := range leaves(ve, nil) {
		field := pointer + leaf.InstanceLocation
		// Name each unknown field where it stands, so a typo is reported on
		// its own line.
		if m := notAllowed.FindStringSubmatch(leaf.Message); m != nil {
			for _, name := range quoted.FindAllStringSubmatch(m[1], -1) {
				add(field+"/"+escapePointer(name[1]), fmt.Sprintf("unknown field %q", name[1]))
			}
			continue
		}
		add(field, leaf.Message)
	}
	slices.SortStableFunc(se.Violations, func(a, b Violation) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col), cmp.Compare(a.Field, b.Field))
	})
	return se
}

var (
	notAllowed = regexp.MustCompile(`^additionalProperties (.+) not allowed$`)
	quoted     = regexp.MustCompile(`'([^']*)'`)
)

func leaves(ve *jsonschema.ValidationError, out []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(ve.Causes) == 0 {
		return append(out, ve)
	}
	for _, c := range ve.Causes {
		out = leaves(c, out)
	}
	return out
}

// lookup returns the value at a JSON pointer.
func (d *Document) lookup(pointer string) (any, bool) {
	v := d.Value
	if pointer == "" {
		return v, true
	}
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch x := v.(type) {
		case map[string]any:
			c, ok := x[tok]
			if !ok {
				return nil, false
			}
			v = c
		case []any:
			i := 0
			if _, err := fmt.Sscan(tok, &i); err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}
