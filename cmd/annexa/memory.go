package main

import (
	"os"
	"runtime/debug"

	"github.com/annexa-dev/annexa/runner"
)

// boundMemory tunes the Go garbage collector for a run over inputBytes of
// input. The soft memory limit is the run's bound (runner.MemoryBound)
// less what the process holds outside the Go heap (runner.HeapLimit), so
// that the whole process, not just its heap, stays within the bound;
// GOMEMLIMIT overrides it. Within that limit the heap may grow to five
// times its live size between collections (GOGC=400, unless GOGC is set):
// most of a run's objects live until its end, so collecting more often
// costs CPU time and frees little.
func boundMemory(inputBytes int64) {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(400)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	debug.SetMemoryLimit(runner.HeapLimit(inputBytes))
}
