package engine

import (
	"encoding/json"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/providers/facts"
)

// termBuilder converts fact documents (JSON-like Go values) to AST terms as
// ast.InterfaceToValue does, but shares one term among equal values: the
// keys of a plan's objects, many of its values (regions, types, tag
// values) and many of its nested blocks (empty lists, the same rule or
// setting block on every instance of a resource) repeat across thousands
// of facts, and the converted facts stay in memory for the whole
// evaluation. Shared terms are safe because evaluation never modifies a
// data term, as OPA's own interned terms (empty objects and arrays
// included) show. A termBuilder is used by one goroutine.
type termBuilder struct {
	// keys and strings are the terms of object keys and of string values:
	// apart, because the few keys are looked up for every member and
	// their map stays small enough to be fast, while the values are many.
	keys, strings map[string]*ast.Term
	numbers       map[json.Number]*ast.Term
	// containers are the arrays and objects built so far, by hash: the
	// first of each hash, and any others with the same hash in more.
	containers map[int]*ast.Term
	more       map[int][]*ast.Term
	// emptyObject and emptyArray are the terms of {} and [], which
	// plans hold at every turn.
	emptyObject, emptyArray *ast.Term
}

func newTermBuilder() *termBuilder {
	return &termBuilder{
		keys: map[string]*ast.Term{}, strings: map[string]*ast.Term{}, numbers: map[json.Number]*ast.Term{},
		containers: map[int]*ast.Term{}, more: map[int][]*ast.Term{},
		emptyObject: ast.NewTerm(ast.NewObject()), emptyArray: ast.NewTerm(ast.NewArray()),
	}
}

// shared returns the term built earlier that equals t, else t, which
// later equal terms will share.
func (b *termBuilder) shared(t *ast.Term) *ast.Term {
	h := t.Value.Hash()
	first, ok := b.containers[h]
	if !ok {
		b.containers[h] = t
		return t
	}
	if first.Value.Compare(t.Value) == 0 {
		return first
	}
	for _, c := range b.more[h] {
		if c.Value.Compare(t.Value) == 0 {
			return c
		}
	}
	b.more[h] = append(b.more[h], t)
	return t
}

// findObject returns the object built before that has exactly the
// members kvs, looking among those of hash h (which is the hash of such
// an object as OPA computes it; were it not, nothing would be found, and
// the object would be built and shared by shared as before).
func (b *termBuilder) findObject(h int, kvs [][2]*ast.Term) *ast.Term {
	same := func(c *ast.Term) bool {
		obj, ok := c.Value.(ast.Object)
		if !ok || obj.Len() != len(kvs) {
			return false
		}
		for _, kv := range kvs {
			v := obj.Get(kv[0])
			if v == nil || v != kv[1] && v.Value.Compare(kv[1].Value) != 0 {
				return false
			}
		}
		return true
	}
	if first, ok := b.containers[h]; !ok {
		return nil
	} else if same(first) {
		return first
	}
	for _, c := range b.more[h] {
		if same(c) {
			return c
		}
	}
	return nil
}

// term converts x to a term.
func (b *termBuilder) term(x any) (*ast.Term, error) {
	switch x := x.(type) {
	case nil:
		return ast.InternedNullTerm, nil
	case bool:
		return ast.InternedTerm(x), nil
	case string:
		return b.str(x), nil
	case json.Number:
		if t, ok := b.numbers[x]; ok {
			return t, nil
		}
		v, err := ast.InterfaceToValue(x)
		if err != nil {
			return nil, err
		}
		t := ast.NewTerm(v)
		b.numbers[x] = t
		return t, nil
	case []any:
		if len(x) == 0 {
			return b.emptyArray, nil
		}
		elems := make([]*ast.Term, len(x))
		for i, e := range x {
			t, err := b.term(e)
			if err != nil {
				return nil, err
			}
			elems[i] = t
		}
		return b.shared(ast.NewTerm(ast.NewArray(elems...))), nil
	case []string:
		elems := make([]*ast.Term, len(x))
		for i, e := range x {
			elems[i] = b.str(e)
		}
		return b.shared(ast.NewTerm(ast.NewArray(elems...))), nil
	case map[string]any:
		if len(x) == 0 {
			return b.emptyObject, nil
		}
		kvs := make([][2]*ast.Term, 0, len(x))
		h := 0
		for k, v := range x {
			t, err := b.term(v)
			if err != nil {
				return nil, err
			}
			key := b.key(k)
			kvs = append(kvs, [2]*ast.Term{key, t})
			h += key.Hash() + t.Hash()
		}
		// An object equal to one built before is found before it is
		// built: most of a plan's objects repeat (tags, settings
		// blocks), and building them was most of the conversion.
		if t := b.findObject(h, kvs); t != nil {
			return t, nil
		}
		return b.shared(ast.NewTerm(ast.NewObject(kvs...))), nil
	}
	v, err := ast.InterfaceToValue(x)
	if err != nil {
		return nil, err
	}
	return ast.NewTerm(v), nil
}

// key returns the shared term of the object key s.
func (b *termBuilder) key(s string) *ast.Term { return sharedString(b.keys, s) }

// str returns the shared term of the string value s.
func (b *termBuilder) str(s string) *ast.Term { return sharedString(b.strings, s) }

// sharedString returns the term of s in terms, adding it if need be.
func sharedString(terms map[string]*ast.Term, s string) *ast.Term {
	if t, ok := terms[s]; ok {
		return t
	}
	t := ast.StringTerm(s)
	terms[s] = t
	return t
}

// fact converts a fact to the term of its document (facts.Fact.Document),
// building the term from the fact's fields rather than from the document
// map, which would be made only to be converted.
func (b *termBuilder) fact(f *facts.Fact) (*ast.Term, error) {
	kvs := make([][2]*ast.Term, 0, 16)
	put := func(k string, v *ast.Term) { kvs = append(kvs, [2]*ast.Term{b.key(k), v}) }
	putString := func(k, v string) {
		if v != "" {
			put(k, b.str(v))
		}
	}
	number := func(n int) (*ast.Term, error) { return b.term(float64(n)) }

	src := make([][2]*ast.Term, 0, 5)
	src = append(src, [2]*ast.Term{b.key("provider"), b.str(f.Source.Provider)}, [2]*ast.Term{b.key("file"), b.str(f.Source.File)})
	for _, n := range []struct {
		key string
		v   int
	}{{"line", f.Source.Line}, {"column", f.Source.Column}} {
		if n.v > 0 {
			t, err := number(n.v)
			if err != nil {
				return nil, err
			}
			src = append(src, [2]*ast.Term{b.key(n.key), t})
		}
	}
	if f.Source.Scope != "" {
		src = append(src, [2]*ast.Term{b.key("scope"), b.str(f.Source.Scope)})
	}
	put("kind", b.str(f.Kind))
	put("source", b.shared(ast.NewTerm(ast.NewObject(src...))))
	put("id", b.str(f.ID))
	attrs := f.Attributes
	if attrs == nil {
		attrs = map[string]any{}
	}
	at, err := b.term(attrs)
	if err != nil {
		return nil, err
	}
	put("attributes", at)
	putString("type", f.Type)
	putString("base_address", f.BaseAddress)
	putString("mode", f.Mode)
	putString("module", f.Module)
	putString("name", f.Name)
	putString("provider_name", f.ProviderName)
	switch ix := f.Index.(type) {
	case int:
		t, err := number(ix)
		if err != nil {
			return nil, err
		}
		put("index", t)
	case string:
		put("index", b.str(ix))
	}
	for _, l := range []struct {
		key string
		v   []string
	}{{"actions", f.Actions}, {"unknown", f.Unknown}, {"sensitive", f.Sensitive}} {
		if len(l.v) > 0 {
			t, _ := b.term(l.v)
			put(l.key, t)
		}
	}
	if len(f.Detected) > 0 {
		det := make([][2]*ast.Term, 0, len(f.Detected))
		for k, v := range f.Detected {
			det = append(det, [2]*ast.Term{b.key(k), b.str(v)})
		}
		put("detected", b.shared(ast.NewTerm(ast.NewObject(det...))))
	}
	if f.Configured != nil {
		t, _ := b.term(f.Configured)
		put("configured", t)
	}
	if len(f.References) > 0 {
		refs := make([][2]*ast.Term, 0, len(f.References))
		for k, v := range f.References {
			t, _ := b.term(v)
			refs = append(refs, [2]*ast.Term{b.key(k), t})
		}
		put("references", b.shared(ast.NewTerm(ast.NewObject(refs...))))
	}
	// A fact's document is never shared: no two facts have one id, and
	// keeping each to compare with those after cost a tenth of converting.
	return ast.NewTerm(ast.NewObject(kvs...)), nil
}
