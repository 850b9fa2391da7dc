package input

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/annexa-dev/annexa/policies/catalog"
)

// Declared describes a file in which an organisation declares part of its
// ISMS (an applicability file, a risk register) and how its entries, of
// type T, are read: one YAML (or JSON) document that a JSON Schema checks,
// or a CSV table with a header row, chosen by the file's extension.
type Declared[T any] struct {
	// What names the file in errors: "risk register".
	What string
	// MaxBytes bounds the file (DefaultMaxBytes when zero).
	MaxBytes int64
	// Schema is the JSON Schema (draft 2020-12) of the YAML form, and
	// SchemaURL its "$id".
	Schema    []byte
	SchemaURL string
	// ControlIDs are the JSON pointers of the YAML values that hold control
	// ids, "*" standing for any array index ("/risks/*/controls/*"). One
	// written without quotes is a number to YAML, and 5.10 would silently
	// become 5.1, so a number there is an error before the schema says
	// "string".
	ControlIDs []string
	// Required and Allowed are the columns of the CSV form.
	Required, Allowed []string

	// FromYAML reads the entries of the document once it has passed the
	// schema; FromCSV those of the table.
	FromYAML func(*Document) ([]T, error)
	FromCSV  func(*Table) ([]T, error)
	// Name names an entry ("risk R-01"), no two entries of a file alike,
	// and gives the line that states it.
	Name func(*T) (name string, line int)
	// Check checks one entry against the control catalog and may tidy it
	// (sort its controls); Read puts the entry's file:line before the
	// error. Nil checks nothing.
	Check func(*T, *catalog.Catalog) error
}

// Read reads the declared file at path into its entries: the file is
// bounded, decoded, checked against the schema (YAML) or the columns (CSV),
// then every entry is named once and checked. Errors name the file and
// line, and the field where known.
func (d Declared[T]) Read(path string) ([]T, error) {
	entries, err := d.decode(path)
	if err != nil {
		return nil, err
	}
	cat, err := catalog.Builtin()
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	for i := range entries {
		name, line := d.Name(&entries[i])
		if first, dup := seen[name]; dup {
			return nil, fmt.Errorf("%s:%d: %s is listed twice (first on line %d)", path, line, name, first)
		}
		seen[name] = line
		if d.Check == nil {
			continue
		}
		if err := d.Check(&entries[i], cat); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return entries, nil
}

// decode reads and decodes the file by its extension.
func (d Declared[T]) decode(path string) ([]T, error) {
	data, err := ReadFile(path, d.MaxBytes)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		t, err := DecodeCSV(path, data, d.Required, d.Allowed)
		if err != nil {
			return nil, err
		}
		return d.FromCSV(t)
	}
	doc, err := d.decodeYAML(path, data)
	if err != nil {
		return nil, err
	}
	return d.FromYAML(doc)
}

// decodeYAML decodes the one document of a declared file and checks it
// against the schema.
func (d Declared[T]) decodeYAML(path string, data []byte) (*Document, error) {
	docs, err := DecodeYAML(path, data, DecodeLimits{})
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("%s: %s holds one YAML document, found %d", path, withArticle(d.What), len(docs))
	}
	doc := &docs[0]
	for _, pattern := range d.ControlIDs {
		if pointer, v, found := findNumber(doc.Value, "", strings.Split(strings.TrimPrefix(pattern, "/"), "/")); found {
			return nil, fmt.Errorf("%s: control %v is a number; write control ids in quotes (\"5.10\"), since YAML reads 5.10 as the number 5.1", doc.Where(pointer), v)
		}
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(d.SchemaURL, bytes.NewReader(d.Schema)); err != nil {
		return nil, fmt.Errorf("%s schema: %w", d.What, err)
	}
	schema, err := c.Compile(d.SchemaURL)
	if err != nil {
		return nil, fmt.Errorf("%s schema: %w", d.What, err)
	}
	if err := doc.Validate(schema, "", d.What); err != nil {
		return nil, err
	}
	return doc, nil
}

// findNumber returns the pointer and value of the first number, in
// document order, at the path parts below v ("*" is any array index).
func findNumber(v any, pointer string, parts []string) (string, any, bool) {
	if len(parts) == 0 {
		switch v.(type) {
		case int64, float64:
			return pointer, v, true
		}
		return "", nil, false
	}
	if parts[0] == "*" {
		list, _ := v.([]any)
		for i, item := range list {
			if p, n, ok := findNumber(item, pointer+"/"+strconv.Itoa(i), parts[1:]); ok {
				return p, n, true
			}
		}
		return "", nil, false
	}
	m, _ := v.(map[string]any)
	child, ok := m[parts[0]]
	if !ok {
		return "", nil, false
	}
	return findNumber(child, pointer+"/"+escapePointer(parts[0]), parts[1:])
}

// withArticle puts "a" or "an" before what.
func withArticle(what string) string {
	if what != "" && strings.ContainsRune("aeiouAEIOU", rune(what[0])) {
		return "an " + what
	}
	return "a " + what
}
