// Command accuracy measures how well annexa's policies recognise labelled
// examples, as `make accuracy` (and so `make test` and CI) runs it.
//
//	go run ./internal/cmd/accuracy [-corpus testdata/accuracy] [-policy DIR]...
//	go run ./internal/cmd/accuracy -external DIR -map FILE
//
// Corpus mode (the default) runs every case of
// testdata/accuracy/<policy>/{good,bad}/<case> through the stages of
// `annexa check` with the flag its extension stands for (.tf or a
// directory of .tf files: --tf; .json: --plan; .aws-snapshot.json:
// --snapshot; .yaml: --k8s; .sshd_config and .github.json: --config), against one engine compiled
// once, cases side by side. A bad case passes when the policy <policy> has
// a finding; a good case when it has none and judged at least one fact.
// It prints recall and false-positive rate per policy, per cloud (aws,
// azure, gcp, k8s, other: the prefix of the policy's name) and overall,
// lists every case that is not as labelled, and exits 1 when there is
// one (2 when the corpus or the policies cannot be read). -min-bad and
// -min-good list the resource policies with fewer cases than that, and
// fail with -require-cases. -mutate also runs the mutation meta-test
// over every mutant (go test runs a sample of them).
//
// External mode measures labelled fixtures nobody here wrote (a scanner
// project's tests) through a map of their check ids to annexa policies.
// DIR holds one directory per check id:
//
//	DIR/<check id>/positive/<case>, DIR/<check id>/negative/<case>
//	or DIR/<check id>/positive*.<ext>, DIR/<check id>/negative*.<ext>
//
// (cases as in the corpus; a name holding "expected_result" is not a
// case). Positive fixtures are bad cases, negative ones good. FILE is one
// YAML (or JSON) mapping from check id to the annexa policy ids that check
// the same thing:
//
//	5a2486aa-facf-477d-a5c1-b010789459ce: [c8_20.aws_security_group]
//	CKV_AWS_19: c8_24.aws_s3_encryption
//	CKV_AWS_999: []     # no annexa equivalent: listed, not measured
//
// A positive is detected when any mapped policy has a finding on it; a
// negative is a false positive when any has one. Checks the map does not
// name are listed and not measured. The tables are grouped by check id
// and by the cloud of the first mapped policy. External mode exits 0
// whatever the figures (they are a measurement, not a gate), 2 on an
// error in DIR or FILE.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/internal/accuracy"
)

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	corpus := flag.String("corpus", "testdata/accuracy", "the labelled corpus")
	external := flag.String("external", "", "a directory of external labelled fixtures, one directory per check id (needs -map)")
	mapFile := flag.String("map", "", "with -external: the YAML map of external check ids to annexa policy ids")
	workers := flag.Int("j", 0, "cases run at once (default: the usable CPUs)")
	minBad := flag.Int("min-bad", 3, "list resource policies with fewer bad cases than this")
	minGood := flag.Int("min-good", 2, "list resource policies with fewer good cases than this")
	mutate := flag.Bool("mutate", false, "also run every mutant of every detected bad case (the mutation meta-test, docs/accuracy.md) and list those that lose their finding")
	requireCases := flag.Bool("require-cases", false, "fail when a resource policy has fewer cases than -min-bad and -min-good")
	var policyDirs stringList
	flag.Var(&policyDirs, "policy", "a directory of extra policies, as annexa check --policy (repeatable)")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "accuracy: unexpected arguments %v\n", flag.Args())
		os.Exit(2)
	}
	if (*external == "") != (*mapFile == "") {
		fmt.Fprintln(os.Stderr, "accuracy: -external DIR and -map FILE go together")
		os.Exit(2)
	}
	start := time.Now()
	ctx := context.Background()
	checker, err := accuracy.NewChecker(ctx, policyDirs...)
	if err != nil {
		fail(err)
	}
	if *workers > 0 {
		checker.Workers = *workers
	}
	if *external != "" {
		os.Exit(runExternal(ctx, checker, *external, *mapFile, start))
	}
	cases, err := accuracy.Discover(*corpus)
	if err != nil {
		fail(err)
	}
	if len(cases) == 0 {
		fail(fmt.Errorf("%s holds no cases", *corpus))
	}
	outcomes := checker.Run(ctx, cases)
	sum := accuracy.Summarize(outcomes)
	if err := sum.Write(os.Stdout, "policy"); err != nil {
		fail(err)
	}
	code := 0
	if len(sum.Failures) > 0 {
		code = 1
	}
	if thin := accuracy.Thin(checker.Engine(), cases, *minBad, *minGood); len(thin) > 0 {
		fmt.Printf("\n%d resource policies have fewer than %d bad or %d good cases:\n  %s\n", len(thin), *minBad, *minGood, strings.Join(thin, "\n  "))
		if *requireCases {
			code = 1
		}
	}
	if *mutate {
		failed, notes, n, err := accuracy.MutationTest(ctx, checker, cases, "policies", 0)
		if err != nil {
			fail(err)
		}
		fmt.Printf("\n%d mutants, %d break the rule\n", n, len(failed))
		for _, mo := range failed {
			fmt.Printf("  %s: %s\n", mo.Mutant, mo.Why())
		}
		if len(notes) > 0 {
			fmt.Printf("\n%d mutants of arguments the policy mentions lost their finding; to review:\n", len(notes))
			for _, mo := range notes {
				fmt.Printf("  %s: %s\n", mo.Mutant, mo.Note())
			}
		}
		if len(failed) > 0 {
			code = 1
		}
	}
	fmt.Printf("\n%d cases in %s\n", len(cases), time.Since(start).Round(time.Millisecond))
	os.Exit(code)
}

func runExternal(ctx context.Context, checker *accuracy.Checker, dir, mapFile string, start time.Time) int {
	m, err := accuracy.ReadMap(mapFile)
	if err != nil {
		fail(err)
	}
	known := map[string]bool{}
	for _, p := range checker.Engine().Policies() {
		known[p.ID] = true
	}
	if err := m.Check(known); err != nil {
		fail(err)
	}
	ext, err := accuracy.DiscoverExternal(dir, m)
	if err != nil {
		fail(err)
	}
	outcomes := checker.Run(ctx, ext.Cases)
	sum := accuracy.Summarize(outcomes)
	if err := sum.Write(os.Stdout, "check"); err != nil {
		fail(err)
	}
	if len(ext.NoEquivalent) > 0 {
		fmt.Printf("\n%d checks have no annexa equivalent (not measured): %s\n", len(ext.NoEquivalent), strings.Join(ext.NoEquivalent, ", "))
	}
	if len(ext.Unmapped) > 0 {
		fmt.Printf("\n%d check directories are not in %s (not measured): %s\n", len(ext.Unmapped), mapFile, strings.Join(ext.Unmapped, ", "))
	}
	fmt.Printf("\n%d fixtures in %s\n", len(ext.Cases), time.Since(start).Round(time.Millisecond))
	return 0
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "accuracy: %v\n", err)
	os.Exit(2)
}
