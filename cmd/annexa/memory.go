package main

import (
	"os"
	"runtime/debug"

	"github.com/annexa-dev/annexa/runner"
)

// boundMemory sets the Go runtime's soft memory limit to the bound for a
// run over inputBytes of input (runner.MemoryBound), unless the user chose
// one with GOMEMLIMIT. Without it the heap of a large run grows to twice
// its live size between collections.
func boundMemory(inputBytes int64) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	debug.SetMemoryLimit(runner.MemoryBound(inputBytes))
}
