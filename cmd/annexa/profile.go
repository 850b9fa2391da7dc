package main

import (
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
)

// profileOptions are check's --profile flags.
type profileOptions struct {
	enabled bool
	limit   int
}

func (o *profileOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.enabled, "profile", false, "print to stderr where the run spent its time and the policies and clause rules by time and evaluation count, as opa eval --profile does (evaluates one rule at a time, so the run is slower)")
	f.IntVar(&o.limit, "profile-limit", 20, "with --profile, how many of the slowest rules to list (0: all)")
}

// printProfile writes the stages of a run, then its slowest rules with
// their evaluation counts and busiest expression.
func printProfile(w io.Writer, p *engine.Profile, limit int) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	var total time.Duration
	for _, s := range p.Stages {
		if !s.Concurrent {
			total += s.Time
		}
	}
	fmt.Fprintln(w, "PROFILE (rules evaluated one at a time under OPA's profiler)")
	fmt.Fprintln(tw, "stage\ttime\tshare\t")
	for _, s := range p.Stages {
		if s.Concurrent {
			fmt.Fprintf(tw, "%s (alongside)\t%s\t\t\n", s.Name, ms(s.Time))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", s.Name, ms(s.Time), share(s.Time, total))
	}
	fmt.Fprintf(tw, "total\t%s\t\t\n", ms(total))
	tw.Flush()
	var rulesTotal time.Duration
	for _, r := range p.Rules {
		rulesTotal += r.Time
	}
	rules := p.Rules
	if limit > 0 && len(rules) > limit {
		rules = rules[:limit]
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "policy or clause rule\ttime\tshare\tevals\tredos\tbusiest expression")
	for _, r := range rules {
		hot := ""
		if len(r.Exprs) > 0 {
			h := r.Exprs[0]
			hot = fmt.Sprintf("%s (%s, %d evals)", filepath.ToSlash(h.Location), ms(h.Time), h.Evals)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", r.ID, ms(r.Time), share(r.Time, rulesTotal), r.Evals, r.Redos, hot)
	}
	tw.Flush()
	if len(rules) < len(p.Rules) {
		fmt.Fprintf(w, "(%d more rules; --profile-limit 0 lists all)\n", len(p.Rules)-len(rules))
	}
	if len(p.Idle) > 0 {
		fmt.Fprintf(w, "(%d policies neither compiled nor evaluated: they read no fact of the kinds this run's sources give)\n", len(p.Idle))
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }

func share(d, total time.Duration) string {
	if total <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(d)/float64(total))
}
