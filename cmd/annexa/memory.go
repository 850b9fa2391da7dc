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
//
// When every input is a Terraform plan (plansOnly), the heap is also
// backed by huge pages where the system allows (preferHugePages): a plan's
// run fills its heap once, and on a 15k-resource plan that saves a sixth
// of its CPU time. Other runs are not. On the machines annexa is measured
// on, a project of 50k facts that adds Terraform source, manifests,
// configuration and registers to its plan, and the replay of its bundle,
// were a fifth to two fifths slower on huge pages, every part of the
// program alike, though the plan alone was faster.
func boundMemory(inputBytes int64, plansOnly bool) {
	limit := runner.HeapLimit(inputBytes)
	if plansOnly {
		// Before the limit is set: the space advised is allocated once,
		// and as large as the limit.
		preferHugePages(limit)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(400)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	debug.SetMemoryLimit(limit)
}
