package engine

import (
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// libraryValues holds the values of the built-in library's rules, and of
// its functions called with string arguments, as the policies of one
// evaluation phase compute them, so that each is computed once per phase
// rather than once per policy: many policies read the same registers
// (evidence.entries("personnel_register"), people.trainings), resource
// lists (tf.resources("aws_s3_bucket")) and indexes built from them, and
// OPA's own cache lasts one query. The values depend only on data.facts
// and data.run, which are fixed for a phase; the phase after the roll-up,
// whose data.run also holds the controls, the SoA and the risks, keeps
// only the values that read no more of data.run than the effective time
// (carry).
//
// Only the library is shared: a policy's own rules are read by that policy
// alone, and keeping them for the whole phase would hold every policy's
// intermediate sets at once. Calls with other arguments (a resource, a
// set) are left to each query's own cache for the same reason.
type libraryValues struct {
	mu     sync.RWMutex
	values topdown.VirtualCache
	// keys are the refs put into values, in the order they were put.
	keys []ast.Ref
}

func newLibraryValues() *libraryValues {
	return &libraryValues{values: topdown.NewVirtualCache()}
}

// libraryRef is data.annexa.lib: refs under it are shared.
var libraryRef = ast.MustParseRef("data.annexa.lib")

// shared reports whether ref names a library rule, or a call of a library
// function with string arguments only: OPA keys a call by the function's
// ref, as one term, followed by the arguments.
func shared(ref ast.Ref) bool {
	rest := ref
	if len(ref) > 0 {
		if fn, ok := ref[0].Value.(ast.Ref); ok {
			ref, rest = fn, ref[1:]
		} else {
			rest = ref[min(len(libraryRef), len(ref)):]
		}
	}
	if len(ref) <= len(libraryRef) || !ref.HasPrefix(libraryRef) {
		return false
	}
	for _, t := range rest {
		if _, ok := t.Value.(ast.String); !ok {
			return false
		}
	}
	return true
}

// queryCache is the topdown.VirtualCache of one query: shared values go to
// its phase's libraryValues, the rest to a cache of its own. Within a
// `with` (a pushed frame) nothing is shared, as data may be replaced there.
type queryCache struct {
	library *libraryValues
	own     topdown.VirtualCache
	depth   int
}

func (l *libraryValues) forQuery() *queryCache {
	return &queryCache{library: l, own: topdown.NewVirtualCache()}
}

// Push implements topdown.VirtualCache.
func (c *queryCache) Push() {
	c.depth++
	c.own.Push()
}

// Pop implements topdown.VirtualCache.
func (c *queryCache) Pop() {
	c.depth--
	c.own.Pop()
}

// Get implements topdown.VirtualCache.
func (c *queryCache) Get(ref ast.Ref) (*ast.Term, bool) {
	if c.depth == 0 && shared(ref) {
		c.library.mu.RLock()
		defer c.library.mu.RUnlock()
		return c.library.values.Get(ref)
	}
	return c.own.Get(ref)
}

// Put implements topdown.VirtualCache.
func (c *queryCache) Put(ref ast.Ref, value *ast.Term) {
	if c.depth == 0 && shared(ref) {
		c.library.mu.Lock()
		defer c.library.mu.Unlock()
		c.library.values.Put(ref, value)
		// OPA builds the keys of calls in a buffer it reuses.
		c.library.keys = append(c.library.keys, slices.Clone(ref))
		return
	}
	c.own.Put(ref, value)
}

// Keys implements topdown.VirtualCache: the keys of the query's own
// frame.
func (c *queryCache) Keys() []ast.Ref { return c.own.Keys() }

// carry returns the values of l that the next phase may read again: all
// but those under, or above, the paths of runReaders.
func (l *libraryValues) carry(runReaders []ast.Ref) *libraryValues {
	next := newLibraryValues()
	l.mu.RLock()
	defer l.mu.RUnlock()
	for _, k := range l.keys {
		if readsRun(k, runReaders) {
			continue
		}
		v, undefined := l.values.Get(k)
		if v == nil && !undefined {
			continue
		}
		next.values.Put(k, v)
		next.keys = append(next.keys, k)
	}
	return next
}

// readsRun reports whether the cache key k (a rule's ref, or a function's
// followed by its arguments) is the value of one of runReaders, or holds
// one.
func readsRun(k ast.Ref, runReaders []ast.Ref) bool {
	if len(k) > 0 {
		if fn, ok := k[0].Value.(ast.Ref); ok {
			k = fn
		}
	}
	for _, p := range runReaders {
		if k.HasPrefix(p) || p.HasPrefix(k) {
			return true
		}
	}
	return false
}

// runReaders are the paths of the rules whose values depend on more of
// data.run than the effective time, which is all of it the first phase
// has: the rules that read it (runRef), and those that depend on them.
func runReaders(c *ast.Compiler) []ast.Ref {
	var queue []*ast.Rule
	for _, m := range c.Modules {
		ast.WalkRules(m, func(r *ast.Rule) bool {
			if readsRunDocument(r) {
				queue = append(queue, r)
			}
			return false
		})
	}
	seen := map[*ast.Rule]bool{}
	var paths []ast.Ref
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		if seen[r] {
			continue
		}
		seen[r] = true
		paths = append(paths, r.Ref().GroundPrefix())
		for d := range c.Graph.Dependents(r) {
			if dr, ok := d.(*ast.Rule); ok {
				queue = append(queue, dr)
			}
		}
	}
	return paths
}

// readsRunDocument reports whether r reads data.run beyond the effective
// time, or may (a ref into data whose next part is not a constant).
func readsRunDocument(r *ast.Rule) bool {
	found := false
	ast.WalkRefs(r, func(ref ast.Ref) bool {
		if found || !ref.HasPrefix(ast.DefaultRootRef) {
			return found
		}
		switch {
		case len(ref) == 1:
			found = true
		case !ref[1].IsGround():
			found = true
		case ref[1].Equal(runRef[1]):
			found = len(ref) == 2 || !effectiveTime(ref[2])
		}
		return found
	})
	return found
}

// effectiveTime reports whether t names one of the effective-time members
// of data.run, which both phases hold alike.
func effectiveTime(t *ast.Term) bool {
	s, ok := t.Value.(ast.String)
	return ok && (s == "effective_time" || s == "effective_time_ns")
}
