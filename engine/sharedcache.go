package engine

import (
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
// and data.run, which are fixed for a phase; a phase that changes data.run
// takes a new libraryValues.
//
// Only the library is shared: a policy's own rules are read by that policy
// alone, and keeping them for the whole phase would hold every policy's
// intermediate sets at once. Calls with other arguments (a resource, a
// set) are left to each query's own cache for the same reason.
type libraryValues struct {
	mu     sync.RWMutex
	values topdown.VirtualCache
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
		return
	}
	c.own.Put(ref, value)
}

// Keys implements topdown.VirtualCache: the keys of the query's own
// frame.
func (c *queryCache) Keys() []ast.Ref { return c.own.Keys() }
