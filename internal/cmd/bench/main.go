// Command bench measures annexa end to end on generated projects, as
// `make bench` runs it: for each size it generates a project
// (internal/benchgen), runs the built annexa binary on it as a user would,
// whole process included, and prints wall time, facts per second and peak
// memory, then the ten slowest policies from a second, profiled run. With
// -opa it also runs the stock OPA CLI over the same policies and facts,
// for comparison only.
//
//	go run ./internal/cmd/bench -bin bin/annexa -sizes 1000,10000,100000 -plans 15000
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/annexa-dev/annexa/internal/benchgen"
	"github.com/annexa-dev/annexa/policies"
	"github.com/annexa-dev/annexa/runner"
)

func main() {
	bin := flag.String("bin", "bin/annexa", "the annexa binary to measure")
	sizes := flag.String("sizes", "1000,10000,100000", "project sizes in facts, comma-separated")
	plans := flag.String("plans", "15000", "plan-only runs: plan sizes in resource changes, comma-separated (empty for none)")
	opa := flag.String("opa", "", "the stock opa binary, to compare with (optional)")
	opaMax := flag.Int("opa-max", 20000, "compare with the stock opa binary only on inputs of at most this many facts: it takes about 20 GB and 20 minutes on 100k")
	testdata := flag.String("testdata", "testdata", "annexa's testdata directory")
	keep := flag.String("keep", "", "write the generated inputs under this directory and keep them (default: a temporary directory, removed)")
	flag.Parse()
	if err := run(*bin, *sizes, *plans, *opa, *opaMax, *testdata, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
}

func run(bin, sizes, plans, opa string, opaMax int, testdata, keep string) error {
	tmp := keep
	if tmp == "" {
		dir, err := os.MkdirTemp("", "annexa-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		tmp = dir
	} else if err := os.MkdirAll(tmp, 0o755); err != nil {
		return err
	}
	fmt.Printf("annexa benchmark on %s, GOMAXPROCS unset (the machine's %d CPUs)\n\n", bin, cpus())
	fmt.Printf("%-22s %9s %9s %10s %10s %12s  %s\n", "input", "facts", "input MB", "wall s", "facts/s", "peak RSS MB", "exit")
	var profiles []string
	type opaCase struct {
		name, dir string
		facts     int
	}
	var opaCases []opaCase
	for _, n := range ints(sizes) {
		dir := filepath.Join(tmp, fmt.Sprintf("project-%d", n))
		if err := os.Mkdir(dir, 0o755); err != nil {
			return err
		}
		st, err := benchgen.Write(dir, benchgen.Options{Facts: n, Testdata: testdata})
		if err != nil {
			return err
		}
		name := fmt.Sprintf("project %s", human(n))
		prof, err := measure(bin, name, dir, dirMB(dir), []string{dir}, tmp)
		if err != nil {
			return err
		}
		profiles = append(profiles, prof)
		opaCases = append(opaCases, opaCase{name, dir, n})
		_ = st
	}
	for _, n := range ints(plans) {
		dir := filepath.Join(tmp, fmt.Sprintf("plan-%d", n))
		if err := os.Mkdir(dir, 0o755); err != nil {
			return err
		}
		perCopy, err := planPerCopy(tmp, testdata)
		if err != nil {
			return err
		}
		copies := (n + perCopy - 1) / perCopy
		st, err := benchgen.Write(dir, benchgen.Options{Facts: copies * benchgen.UnitFacts, Testdata: testdata})
		if err != nil {
			return err
		}
		plan := filepath.Join(dir, "plan.json")
		name := fmt.Sprintf("plan %s resources", human(st.PlanResources))
		prof, err := measure(bin, name, plan, float64(st.PlanBytes)/1e6, []string{"--plan", plan}, tmp)
		if err != nil {
			return err
		}
		profiles = append(profiles, prof)
		opaCases = append(opaCases, opaCase{name, plan, st.PlanResources})
	}
	fmt.Println()
	for _, p := range profiles {
		fmt.Println(p)
	}
	if opa == "" {
		return nil
	}
	fmt.Printf("stock OPA CLI (%s) evaluating the same control policies over the same facts, for comparison\n", opa)
	fmt.Printf("%-22s %10s %12s  %s\n", "input", "wall s", "peak RSS MB", "exit")
	policyDir := filepath.Join(tmp, "policies")
	if err := writePolicies(policyDir); err != nil {
		return err
	}
	for _, c := range opaCases {
		if c.facts > opaMax {
			fmt.Printf("%-22s skipped: over -opa-max %d facts\n", c.name, opaMax)
			continue
		}
		data := filepath.Join(tmp, "data.json")
		if err := writeData(c.dir, data); err != nil {
			return err
		}
		wall, rss, code, err := timed(opa, "eval", "--data", policyDir, "--data", data, "--format", "json", "data.annexa.controls")
		if err != nil {
			return err
		}
		fmt.Printf("%-22s %10.2f %12.0f  %d\n", c.name, wall.Seconds(), rss, code)
	}
	return nil
}

// measure runs annexa check on args twice: timed, then profiled; it prints
// the timed run's line and returns the profile's ten slowest rules.
func measure(bin, name string, input string, inputMB float64, args []string, tmp string) (string, error) {
	report := filepath.Join(tmp, "report.json")
	wall, rss, code, err := timed(bin, append(append([]string{"check"}, args...), "--format", "json="+report)...)
	if err != nil {
		return "", err
	}
	if code > 1 {
		return "", fmt.Errorf("%s: annexa check exited %d", input, code)
	}
	var rep struct {
		Summary struct {
			Facts int `json:"facts"`
		} `json:"summary"`
	}
	raw, err := os.ReadFile(report)
	if err != nil {
		return "", err
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		return "", fmt.Errorf("read report: %w", err)
	}
	fmt.Printf("%-22s %9d %9.1f %10.2f %10.0f %12.0f  %d\n", name, rep.Summary.Facts, inputMB, wall.Seconds(),
		float64(rep.Summary.Facts)/wall.Seconds(), rss, code)
	cmd := exec.Command(bin, append(append([]string{"check"}, args...), "--profile", "--profile-limit", "10", "--format", "json="+report)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			return "", err
		}
	}
	return fmt.Sprintf("%s, profiled:\n%s", name, profileTable(stderr.String())), nil
}

// profileTable keeps the profile that check --profile printed.
func profileTable(stderr string) string {
	var b strings.Builder
	in := false
	sc := bufio.NewScanner(strings.NewReader(stderr))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "PROFILE") {
			in = true
			continue
		}
		if in {
			b.WriteString("  " + line + "\n")
		}
	}
	return b.String()
}

// timed runs a command and returns its wall time, peak resident memory in
// MB and exit code.
func timed(name string, args ...string) (time.Duration, float64, int, error) {
	cmd := exec.CommandContext(context.Background(), name, args...)
	cmd.Stdout, cmd.Stderr = nil, nil
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			return 0, 0, 0, err
		}
	}
	var rss float64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = float64(ru.Maxrss) / 1024
	}
	return wall, rss, cmd.ProcessState.ExitCode(), nil
}

// planPerCopy is how many resource changes one copy of the benchmark
// unit's plan holds.
func planPerCopy(tmp, testdata string) (int, error) {
	dir, err := os.MkdirTemp(tmp, "unit-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	st, err := benchgen.Write(dir, benchgen.Options{Facts: benchgen.UnitFacts, Testdata: testdata})
	return st.PlanResources, err
}

// writePolicies copies the built-in policies, without their tests, for
// the OPA CLI.
func writePolicies(dir string) error {
	return fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		b, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
}

// writeData writes the data document the control policies read for the
// inputs at path: the facts annexa collects, indexed as it indexes them.
func writeData(path, out string) error {
	ctx := context.Background()
	in := runner.Inputs{Paths: []string{path}}
	if strings.HasSuffix(path, ".json") {
		in = runner.Inputs{Sources: []runner.FlagValue{{Flag: "plan", Value: path}}}
	}
	r, err := runner.Resolve(in)
	if err != nil {
		return err
	}
	fs, _, err := r.Collect(ctx)
	if err != nil {
		return err
	}
	eng, err := r.Engine(ctx)
	if err != nil {
		return err
	}
	doc, err := eng.DataDocument(fs)
	if err != nil {
		return err
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

func dirMB(dir string) float64 {
	var total int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return float64(total) / 1e6
}

func ints(list string) []int {
	var out []int
	for f := range strings.SplitSeq(list, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

func human(n int) string {
	if n >= 1000 && n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	if n >= 1000 {
		return fmt.Sprintf("%.1fk", float64(n)/1000)
	}
	return strconv.Itoa(n)
}

func cpus() int {
	b, _ := exec.Command("nproc").Output()
	n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return n
}
