package accuracy

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/annexa-dev/annexa/engine"
)

// Tally counts the outcomes of a group of cases.
type Tally struct {
	Groups                            int
	Bad, Detected                     int
	Good, FalsePositives, Vacuous     int
	Errors                            int
	BadErrors, GoodErrors, GoodPassed int
}

func (t *Tally) add(o Outcome) {
	if o.Case.Label == Bad {
		t.Bad++
	} else {
		t.Good++
	}
	switch o.Verdict() {
	case Error:
		t.Errors++
	case Pass:
		if o.Case.Label == Bad {
			t.Detected++
		} else {
			t.GoodPassed++
		}
	case FalsePositive:
		t.FalsePositives++
	case Vacuous:
		t.Vacuous++
	}
}

// Recall is the share of bad cases detected (an error is not a detection).
func (t Tally) Recall() float64 { return ratio(t.Detected, t.Bad) }

// FalsePositiveRate is the share of good cases with a finding.
func (t Tally) FalsePositiveRate() float64 { return ratio(t.FalsePositives, t.Good) }

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// Failures counts the outcomes that are not a pass.
func (t Tally) Failures() int { return t.Bad + t.Good - t.Detected - t.GoodPassed }

// Summary is a measurement: a tally per group (policy or external check),
// per cloud and overall, and the outcomes that are not a pass.
type Summary struct {
	ByGroup  map[string]*Tally
	ByCloud  map[string]*Tally
	Overall  Tally
	Failures []Outcome
	// cloudOf is the cloud each group is counted under.
	cloudOf map[string]string
}

// Summarize tallies outcomes. A group's cloud is that of its first policy.
func Summarize(outcomes []Outcome) *Summary {
	s := &Summary{ByGroup: map[string]*Tally{}, ByCloud: map[string]*Tally{}, cloudOf: map[string]string{}}
	for _, o := range outcomes {
		g := o.Case.Group
		if s.ByGroup[g] == nil {
			s.ByGroup[g] = &Tally{Groups: 1}
			cloud := "other"
			if len(o.Case.Policies) > 0 {
				cloud = Cloud(o.Case.Policies[0])
			}
			s.cloudOf[g] = cloud
			if s.ByCloud[cloud] == nil {
				s.ByCloud[cloud] = &Tally{}
			}
			s.ByCloud[cloud].Groups++
			s.Overall.Groups++
		}
		s.ByGroup[g].add(o)
		s.ByCloud[s.cloudOf[g]].add(o)
		s.Overall.add(o)
		if o.Verdict() != Pass {
			s.Failures = append(s.Failures, o)
		}
	}
	return s
}

// Clouds are the rows of the per-cloud table, in order.
var Clouds = []string{"aws", "azure", "gcp", "k8s", "other"}

func pct(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) }

func row(w io.Writer, name string, t *Tally, groups bool) {
	fmt.Fprintf(w, "%s\t", name)
	if groups {
		fmt.Fprintf(w, "%d\t", t.Groups)
	}
	fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%d\t%d\n", t.Bad, t.Good,
		pct(t.Recall()), pct(t.FalsePositiveRate()), t.Vacuous, t.Errors)
}

// Write prints the tables: per group (groupName says what a group is:
// policy or check), per cloud and overall, then every failure.
func (s *Summary) Write(w io.Writer, groupName string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tBAD\tGOOD\tRECALL\tFP RATE\tVACUOUS\tERRORS\n", strings.ToUpper(groupName))
	for _, g := range slices.Sorted(maps.Keys(s.ByGroup)) {
		row(tw, g, s.ByGroup[g], false)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	plural := map[string]string{"policy": "POLICIES", "check": "CHECKS"}[groupName]
	fmt.Fprintf(tw, "CLOUD\t%s\tBAD\tGOOD\tRECALL\tFP RATE\tVACUOUS\tERRORS\n", plural)
	for _, c := range Clouds {
		if t := s.ByCloud[c]; t != nil {
			row(tw, c, t, true)
		}
	}
	row(tw, "overall", &s.Overall, true)
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(s.Failures) == 0 {
		_, err := fmt.Fprintf(w, "\nall %d cases as labelled\n", s.Overall.Bad+s.Overall.Good)
		return err
	}
	fmt.Fprintf(w, "\n%d of %d cases not as labelled:\n", len(s.Failures), s.Overall.Bad+s.Overall.Good)
	for _, o := range s.Failures {
		fmt.Fprintf(w, "  %s: %s: %s\n", o.Case.Name, o.Verdict(), o.describe())
	}
	return nil
}

// Thin lists the policies over resources or Kubernetes objects that have
// fewer than minBad bad or minGood good cases in the corpus, with what
// they have, sorted.
func Thin(eng *engine.Engine, cases []Case, minBad, minGood int) []string {
	bad, good := map[string]int{}, map[string]int{}
	for _, c := range cases {
		if c.Label == Bad {
			bad[c.Group]++
		} else {
			good[c.Group]++
		}
	}
	var out []string
	for _, p := range eng.Policies() {
		if !slices.ContainsFunc(p.Inputs, func(in string) bool {
			return strings.HasPrefix(in, "resource") || strings.HasPrefix(in, "kubernetes")
		}) {
			continue
		}
		if bad[p.ID] < minBad || good[p.ID] < minGood {
			out = append(out, fmt.Sprintf("%s (%d bad, %d good)", p.ID, bad[p.ID], good[p.ID]))
		}
	}
	return out
}
