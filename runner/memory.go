package runner

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/annexa-dev/annexa/providers/tfplan"
)

// InputBytes is the size of what the run's sources name: a file's size,
// or for a directory the regular files below it (symbolic links not
// followed). It is what the memory bound of a run is measured against
// (MemoryBound); a path that cannot be read counts nothing, since reading
// it will report the error.
func (r *Run) InputBytes() int64 {
	var n int64
	for _, s := range r.Project.Sources {
		n += pathBytes(s.Path)
	}
	return n
}

// PlansOnly reports whether every source of the run is a Terraform plan.
func (r *Run) PlansOnly() bool {
	for _, s := range r.Project.Sources {
		if _, ok := s.Provider.(tfplan.Provider); !ok {
			return false
		}
	}
	return len(r.Project.Sources) > 0
}

func pathBytes(path string) int64 {
	st, err := os.Lstat(path)
	switch {
	case err != nil:
		return 0
	case st.Mode().IsRegular():
		return st.Size()
	case !st.IsDir():
		return 0
	}
	var n int64
	_ = filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			n += info.Size()
		}
		return nil
	})
	return n
}

// MemoryBound is the peak resident memory annexa aims to stay within for
// a run over inputBytes of input: 150 MiB for the policies and the
// program, and five times the input for its facts, their documents and
// the report. It is a target, not a cap: a run whose live data is larger
// still completes.
func MemoryBound(inputBytes int64) int64 {
	return 150<<20 + 5*inputBytes
}

// nonHeapBytes is what a run holds besides its Go heap: the program's code
// and data pages and the runtime's own structures, measured as the peak
// resident size less the peak heap of a run over a small input.
const nonHeapBytes = 64 << 20

// HeapLimit is the soft memory limit the CLI gives the Go runtime for a run
// over inputBytes of input: MemoryBound less what the process holds outside
// the heap, and less the heap's overrun of its goal. The runtime keeps
// allocating while a collection marks, so the heap passes the goal the
// limit sets by what the run allocates meanwhile, which grows with the
// live heap: on a generated 100k-fact project it overran by 53 MB as the
// fact documents were built, about 5 % of the input's share of the bound.
// Nearing the limit, the runtime collects garbage more often.
func HeapLimit(inputBytes int64) int64 {
	return MemoryBound(inputBytes) - nonHeapBytes - inputBytes/4 // 5 % of 5 x input
}
