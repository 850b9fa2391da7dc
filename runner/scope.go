package runner

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/facts"
)

// Scoper is a provider that names its own scope for a source (an external
// provider: its name), where the path alone would not tell sources apart.
type Scoper interface {
	Scope(path string) string
}

// scope gives each source that shares its address space with another
// source of the run a scope that qualifies its facts' ids: the path as
// given, cleaned and with forward slashes. A run with one source per space
// keeps the ids providers make, so single-source runs read as before.
func scope(sources []providers.Source) error {
	perSpace := map[string]int{}
	for _, s := range sources {
		if s.Space != "" {
			perSpace[s.Space]++
		}
	}
	seen := map[string]string{}
	for i, s := range sources {
		if perSpace[s.Space] < 2 {
			continue
		}
		name := filepath.ToSlash(filepath.Clean(s.Path))
		if sc, ok := s.Provider.(Scoper); ok {
			name = sc.Scope(s.Path)
		}
		name = strings.ReplaceAll(name, facts.ScopeSeparator, "/")
		key := s.Space + "\x00" + name
		if prev, dup := seen[key]; dup {
			return fmt.Errorf("%s is given twice (as %s and %s); name each input once", name, prev, s.Path)
		}
		seen[key] = s.Path
		sources[i].Scope = name
	}
	return nil
}
