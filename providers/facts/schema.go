package facts

import (
	"embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/annexa-dev/annexa/providers/input"
)

//go:embed schemas/*.json
var schemaFS embed.FS

const schemaBase = "https://annexa.dev/schemas/facts/"

// Validator checks facts against the schema of their kind.
type Validator struct {
	byKind input.Schemas
}

// Kinds lists the fact kinds, each with a schema of its own (the other
// schema files are shared parts).
func Kinds() []string {
	return []string{KindResource, KindEvidence, KindKubernetes, KindConfig, KindApplicability, KindRisk, KindRiskSettings, KindParameters}
}

// NewValidator returns the validator of the embedded fact schemas. They
// are compiled once per process: a Validator only reads them, and
// compiling them is most of the cost of collecting a small input.
func NewValidator() (*Validator, error) { return compiledValidator() }

var compiledValidator = sync.OnceValues(newValidator)

func newValidator() (*Validator, error) {
	all, err := input.CompileSchemas(schemaFS, "schemas", schemaBase)
	if err != nil {
		return nil, fmt.Errorf("fact schemas: %w", err)
	}
	v := &Validator{byKind: input.Schemas{}}
	for _, kind := range Kinds() {
		s, ok := all[kind]
		if !ok {
			return nil, fmt.Errorf("fact schemas: no schema for kind %q", kind)
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

// ValidateFact checks one fact as Validate checks its document, without
// making the document when the fact certainly meets its schema, as the
// resources of a plan do.
func (v *Validator) ValidateFact(f *Fact) error {
	if f.Kind == KindResource && resourceMeetsSchema(f) {
		return nil
	}
	return v.Validate(f.Document())
}

// Validate checks one fact document (as returned by Fact.Document) and
// returns an *InvalidFactError naming the file, fact and field on failure.
// The schemas describe ids as providers make them, so a scoped fact's id
// and base address are checked without their scope, which must prefix
// them.
func (v *Validator) Validate(doc map[string]any) error {
	kind, _ := doc["kind"].(string)
	id, _ := doc["id"].(string)
	file, scope := "", ""
	if src, ok := doc["source"].(map[string]any); ok {
		file, _ = src["file"].(string)
		scope, _ = src["scope"].(string)
	}
	s, ok := v.byKind[kind]
	if !ok {
		known := slices.Sorted(maps.Keys(v.byKind))
		return &InvalidFactError{File: file, FactID: id, Field: "/kind",
			Message: fmt.Sprintf("unknown kind %q (expected one of %s)", kind, strings.Join(known, ", "))}
	}
	if scope != "" {
		unscoped, err := unscope(doc, scope)
		if err != nil {
			return &InvalidFactError{File: file, FactID: id, Field: "/id", Message: err.Error()}
		}
		doc = unscoped
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

// unscope returns a shallow copy of a scoped fact document with the scope
// taken off its id and base address.
func unscope(doc map[string]any, scope string) (map[string]any, error) {
	out := maps.Clone(doc)
	prefix := scope + ScopeSeparator
	for _, key := range []string{"id", "base_address"} {
		v, ok := doc[key].(string)
		if !ok {
			continue
		}
		rest, found := strings.CutPrefix(v, prefix)
		if !found {
			return nil, fmt.Errorf("%s %q does not start with its scope %q", key, v, prefix)
		}
		out[key] = rest
	}
	return out, nil
}
