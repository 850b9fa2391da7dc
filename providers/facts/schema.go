package facts

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

//go:embed schemas/*.json
var schemaFS embed.FS

const schemaBase = "https://annexa.dev/schemas/facts/"

// Schemas returns the JSON Schema of every fact kind, keyed by kind.
func Schemas() (map[string][]byte, error) {
	out := map[string][]byte{}
	entries, err := fs.ReadDir(schemaFS, "schemas")
	if err != nil {
		return nil, fmt.Errorf("read fact schemas: %w", err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(schemaFS, path.Join("schemas", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read fact schema %s: %w", e.Name(), err)
		}
		out[strings.TrimSuffix(e.Name(), ".json")] = b
	}
	return out, nil
}

// Validator checks facts against the schema of their kind.
type Validator struct {
	byKind map[string]*jsonschema.Schema
}

// kinds that are fact kinds, as opposed to shared sub-schemas.
var factKinds = []string{KindResource}

// NewValidator compiles the embedded fact schemas.
func NewValidator() (*Validator, error) {
	raw, err := Schemas()
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	for name, b := range raw {
		if err := c.AddResource(schemaBase+name+".json", bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("load fact schema %s: %w", name, err)
		}
	}
	v := &Validator{byKind: map[string]*jsonschema.Schema{}}
	for _, kind := range factKinds {
		s, err := c.Compile(schemaBase + kind + ".json")
		if err != nil {
			return nil, fmt.Errorf("compile fact schema %s: %w", kind, err)
		}
		v.byKind[kind] = s
	}
	return v, nil
}

// InvalidFactError says which fact failed validation and where.
type InvalidFactError struct {
	File   string
	FactID string
	// Field is the JSON pointer of the offending value inside the fact,
	// "(root)" for the fact itself (e.g. a missing property).
	Field   string
	Message string
}

func (e *InvalidFactError) Error() string {
	return fmt.Sprintf("%s: invalid fact %q: field %s: %s", e.File, e.FactID, e.Field, e.Message)
}

// Validate checks one fact document (as returned by Fact.Document) and
// returns an *InvalidFactError naming the file, fact and field on failure.
func (v *Validator) Validate(doc map[string]any) error {
	kind, _ := doc["kind"].(string)
	id, _ := doc["id"].(string)
	file := ""
	if src, ok := doc["source"].(map[string]any); ok {
		file, _ = src["file"].(string)
	}
	s, ok := v.byKind[kind]
	if !ok {
		known := slices.Sorted(maps.Keys(v.byKind))
		return &InvalidFactError{File: file, FactID: id, Field: "/kind",
			Message: fmt.Sprintf("unknown kind %q (expected one of %s)", kind, strings.Join(known, ", "))}
	}
	err := s.Validate(doc)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("%s: validate fact %q: %w", file, id, err)
	}
	leaf := ve
	for len(leaf.Causes) > 0 {
		leaf = leaf.Causes[0]
	}
	field := leaf.InstanceLocation
	if field == "" {
		field = "(root)"
	}
	return &InvalidFactError{File: file, FactID: id, Field: field, Message: leaf.Message}
}
