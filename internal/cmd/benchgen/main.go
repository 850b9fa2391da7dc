// Command benchgen writes a synthetic annexa project of a chosen size, the
// input `make bench` measures: benchgen -facts 15000 -out /tmp/bench15k.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/annexa-dev/annexa/internal/benchgen"
)

func main() {
	facts := flag.Int("facts", 10000, "approximate number of facts")
	out := flag.String("out", "", "directory to write the project to (created; must not exist)")
	testdata := flag.String("testdata", "testdata", "annexa's testdata directory, whose fixtures are replicated")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "benchgen: -out DIR is required")
		os.Exit(2)
	}
	if err := os.Mkdir(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(2)
	}
	st, err := benchgen.Write(*out, benchgen.Options{Facts: *facts, Testdata: *testdata})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("%s: %+v\n", *out, st)
}
