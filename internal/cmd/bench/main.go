// Command bench measures annexa end to end on generated projects, as
// `make bench` runs it: for each size it generates a project
// (internal/benchgen), runs the built annexa binary on it as a user would,
// whole process included, and prints wall time, CPU time, facts per
// second, peak memory and the memory bound of a run over that much input
// (runner.MemoryBound) with whether it was kept, then the ten slowest
// policies from a further, profiled run. Each measurement is taken -runs
// times: the row gives the median wall and CPU time, the fastest wall
// time and the highest peak memory, since on a shared machine one run can
// be a third slower than the next. It then signs an evidence bundle
// of a project of -replay facts (check --bundle) and verifies and replays
// it (verify --replay), one row each; a replay's input is the facts the
// bundle holds. With -opa it also runs the stock OPA CLI over the same
// policies and facts, for comparison only.
//
//	go run ./internal/cmd/bench -bin bin/annexa -sizes 1000,10000,100000 -plans 15000 -replay 50000 -runs 3
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/annexa-dev/annexa/bundles"
	"github.com/annexa-dev/annexa/internal/benchgen"
	"github.com/annexa-dev/annexa/policies"
	"github.com/annexa-dev/annexa/runner"
)

func main() {
	if out := os.Getenv(measureEnv); out != "" {
		if err := measureChild(out); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(2)
		}
		return
	}
	bin := flag.String("bin", "bin/annexa", "the annexa binary to measure")
	sizes := flag.String("sizes", "1000,10000,100000", "project sizes in facts, comma-separated")
	plans := flag.String("plans", "15000", "plan-only runs: plan sizes in resource changes, comma-separated (empty for none)")
	opa := flag.String("opa", "", "the stock opa binary, to compare with (optional)")
	opaMax := flag.Int("opa-max", 20000, "compare with the stock opa binary only on inputs of at most this many facts: it takes about 20 GB and 20 minutes on 100k")
	testdata := flag.String("testdata", "testdata", "annexa's testdata directory")
	keep := flag.String("keep", "", "write the generated inputs under this directory and keep them (default: a temporary directory, removed)")
	replay := flag.Int("replay", 50000, "sign an evidence bundle of a project of this many facts and verify --replay it (0 for none)")
	runs := flag.Int("runs", 3, "take each measurement this many times, reporting the median times, the fastest wall time and the highest peak memory")
	flag.Parse()
	if *runs < 1 {
		fmt.Fprintln(os.Stderr, "bench: -runs must be at least 1")
		os.Exit(2)
	}
	if err := run(*bin, *sizes, *plans, *opa, *opaMax, *testdata, *keep, *replay, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
}

func run(bin, sizes, plans, opa string, opaMax int, testdata, keep string, replay, runs int) error {
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
	fmt.Printf("annexa benchmark on %s, GOMAXPROCS unset (the machine's %d CPUs)\n", bin, cpus())
	fmt.Printf("bound: 150 MiB + 5 x input, the memory a run aims to stay within (runner.MemoryBound); MB are MiB\n")
	fmt.Printf("each row: %d runs; wall s and CPU s are medians, min s the fastest run, peak RSS the highest\n\n", runs)
	fmt.Printf("%-24s %9s %9s %8s %8s %8s %9s %12s %9s %-6s %s\n", "input", "facts", "input MB", "wall s", "min s", "CPU s", "facts/s", "peak RSS MB", "bound MB", "within", "exit")
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
		prof, err := measure(bin, name, dir, dirBytes(dir), []string{dir}, tmp, runs)
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
		prof, err := measure(bin, name, plan, st.PlanBytes, []string{"--plan", plan}, tmp, runs)
		if err != nil {
			return err
		}
		profiles = append(profiles, prof)
		opaCases = append(opaCases, opaCase{name, plan, st.PlanResources})
	}
	if replay > 0 {
		if err := measureBundle(bin, replay, testdata, tmp, runs); err != nil {
			return err
		}
	}
	fmt.Println()
	for _, p := range profiles {
		fmt.Println(p)
	}
	if opa == "" {
		return nil
	}
	fmt.Printf("stock OPA CLI (%s) evaluating the same control policies over the same facts, for comparison\n", opa)
	fmt.Printf("%-24s %10s %12s  %s\n", "input", "wall s", "peak RSS MB", "exit")
	policyDir := filepath.Join(tmp, "policies")
	if err := writePolicies(policyDir); err != nil {
		return err
	}
	for _, c := range opaCases {
		if c.facts > opaMax {
			fmt.Printf("%-24s skipped: over -opa-max %d facts\n", c.name, opaMax)
			continue
		}
		data := filepath.Join(tmp, "data.json")
		if err := writeData(c.dir, data); err != nil {
			return err
		}
		u, err := timed(nil, opa, "eval", "--data", policyDir, "--data", data, "--format", "json", "data.annexa.controls")
		if err != nil {
			return err
		}
		fmt.Printf("%-24s %10.2f %12.0f  %d\n", c.name, u.Wall.Seconds(), u.RSS, u.Code)
	}
	return nil
}

// measure runs annexa check on args runs times, timed, then once
// profiled; it prints the timed runs' line and returns the profile's ten
// slowest rules.
func measure(bin, name string, input string, inputBytes int64, args []string, tmp string, runs int) (string, error) {
	report := filepath.Join(tmp, "report.json")
	u, err := repeat(runs, func() (usage, error) {
		return timed(nil, bin, append(append([]string{"check"}, args...), "--format", "json="+report)...)
	})
	if err != nil {
		return "", err
	}
	if u.Code > 1 {
		return "", fmt.Errorf("%s: annexa check exited %d", input, u.Code)
	}
	n, err := reportFacts(report)
	if err != nil {
		return "", err
	}
	row(name, n, inputBytes, u)
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

// row prints one measured row: the runs over inputBytes of input and its
// memory bound.
func row(name string, facts int, inputBytes int64, u usage) {
	bound := float64(runner.MemoryBound(inputBytes)) / (1 << 20)
	within := "yes"
	if u.RSS > bound {
		within = "NO"
	}
	fmt.Printf("%-24s %9d %9.1f %8.2f %8.2f %8.2f %9.0f %12.0f %9.0f %-6s %d\n", name, facts, float64(inputBytes)/(1<<20),
		u.Wall.Seconds(), u.MinWall.Seconds(), u.CPU.Seconds(), float64(facts)/u.Wall.Seconds(), u.RSS, bound, within, u.Code)
}

// reportFacts is the number of facts a JSON report counts.
func reportFacts(path string) (int, error) {
	var rep struct {
		Summary struct {
			Facts int `json:"facts"`
		} `json:"summary"`
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		return 0, fmt.Errorf("read report %s: %w", path, err)
	}
	return rep.Summary.Facts, nil
}

// bundleKeyPassword is the password of testdata/keys/annexa-test.key.
const bundleKeyPassword = "annexa-test"

// measureBundle generates a project of n facts, signs an evidence bundle
// of it with the test key (check --bundle), and verifies and replays the
// bundle (verify --replay), printing a row for each. The signing row's
// input is the project; the replay's is the facts the bundle holds.
func measureBundle(bin string, n int, testdata, tmp string, runs int) error {
	dir := filepath.Join(tmp, fmt.Sprintf("bundle-project-%d", n))
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	if _, err := benchgen.Write(dir, benchgen.Options{Facts: n, Testdata: testdata}); err != nil {
		return err
	}
	bundle := filepath.Join(tmp, fmt.Sprintf("bundle-%d.tar.gz", n))
	report := filepath.Join(tmp, "report.json")
	env := append(os.Environ(), "COSIGN_PASSWORD="+bundleKeyPassword)
	u, err := repeat(runs, func() (usage, error) {
		return timed(env, bin, "check", dir, "--format", "json="+report,
			"--bundle", bundle, "--key", filepath.Join(testdata, "keys", "annexa-test.key"))
	})
	if err != nil {
		return err
	}
	if u.Code > 1 {
		return fmt.Errorf("%s: annexa check --bundle exited %d", dir, u.Code)
	}
	facts, err := reportFacts(report)
	if err != nil {
		return err
	}
	row(fmt.Sprintf("sign bundle %s", human(n)), facts, dirBytes(dir), u)
	factsBytes, err := bundledFactsBytes(bundle)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	u, err = repeat(runs, func() (usage, error) {
		out.Reset()
		cmd := exec.Command(bin, "verify", bundle, "--key", filepath.Join(testdata, "keys", "annexa-test.pub"), "--replay")
		cmd.Stdout = &out
		return run1(cmd)
	})
	if err != nil {
		return err
	}
	if u.Code != 0 {
		return fmt.Errorf("%s: annexa verify --replay exited %d:\n%s", bundle, u.Code, out.String())
	}
	replayed, err := replayedFacts(out.String())
	if err != nil {
		return fmt.Errorf("%s: %w", bundle, err)
	}
	row(fmt.Sprintf("verify --replay %s", human(n)), replayed, factsBytes, u)
	return nil
}

var replayedLine = regexp.MustCompile(`re-rendered from (\d+) facts`)

// replayedFacts is the number of facts verify --replay says it replayed.
func replayedFacts(out string) (int, error) {
	m := replayedLine.FindStringSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("verify --replay did not say how many facts it replayed:\n%s", out)
	}
	return strconv.Atoi(m[1])
}

// bundledFactsBytes is the size of the facts.json a bundle holds, read
// from its tar header.
func bundledFactsBytes(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return 0, fmt.Errorf("read bundle %s: %w", path, err)
	}
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err != nil {
			return 0, fmt.Errorf("read bundle %s: no %s: %w", path, bundles.FileFacts, err)
		}
		if hdr.Name == bundles.FileFacts {
			return hdr.Size, nil
		}
	}
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

// usage is what one measured process took, or several (repeat).
type usage struct {
	Wall, CPU time.Duration
	// MinWall is the fastest of several runs' wall time (repeat).
	MinWall time.Duration `json:"-"`
	// RSS is the peak resident memory in MiB.
	RSS  float64
	Code int
}

// repeat takes a measurement runs times and sums them up: the median wall
// and CPU time, the fastest wall time, the highest peak memory. The runs
// must exit alike; they stop at the first that does not, or errs.
func repeat(runs int, measure func() (usage, error)) (usage, error) {
	var all []usage
	for range runs {
		u, err := measure()
		if err != nil {
			return usage{}, err
		}
		if len(all) > 0 && u.Code != all[0].Code {
			return usage{}, fmt.Errorf("a run exited %d, an earlier one %d", u.Code, all[0].Code)
		}
		all = append(all, u)
	}
	median := func(of func(usage) time.Duration) time.Duration {
		ds := make([]time.Duration, len(all))
		for i, u := range all {
			ds[i] = of(u)
		}
		slices.Sort(ds)
		if len(ds)%2 == 1 {
			return ds[len(ds)/2]
		}
		return (ds[len(ds)/2-1] + ds[len(ds)/2]) / 2
	}
	out := usage{
		Wall: median(func(u usage) time.Duration { return u.Wall }),
		CPU:  median(func(u usage) time.Duration { return u.CPU }),
		Code: all[0].Code,
	}
	out.MinWall = all[0].Wall
	for _, u := range all {
		out.MinWall = min(out.MinWall, u.Wall)
		out.RSS = max(out.RSS, u.RSS)
	}
	return out, nil
}

// timed runs a command (with env, or this process's environment when it
// is nil) and returns what it took.
func timed(env []string, name string, args ...string) (usage, error) {
	cmd := exec.CommandContext(context.Background(), name, args...)
	cmd.Env = env
	return run1(cmd)
}

// measureEnv names, in the environment of this program run as the
// measuring helper (measureChild), the file it writes the usage to.
const measureEnv = "ANNEXA_BENCH_USAGE"

// run1 runs cmd and returns its wall and CPU time (user and system), peak
// resident memory and exit code. It runs cmd from a fresh copy of this
// program (measureChild), not from this process: Go starts a command with
// vfork, sharing this process's memory until the exec, and Linux then
// counts this process's peak (hundreds of MB once it has generated a
// large project) in the command's peak resident memory.
func run1(cmd *exec.Cmd) (usage, error) {
	self, err := os.Executable()
	if err != nil {
		return usage{}, err
	}
	f, err := os.CreateTemp("", "annexa-bench-usage-")
	if err != nil {
		return usage{}, err
	}
	f.Close()
	defer os.Remove(f.Name())
	env := cmd.Env
	if env == nil {
		env = os.Environ()
	}
	helper := exec.Command(self, append([]string{cmd.Path}, cmd.Args[1:]...)...)
	helper.Env = append(slices.Clone(env), measureEnv+"="+f.Name())
	helper.Stdin, helper.Stdout, helper.Stderr = cmd.Stdin, cmd.Stdout, cmd.Stderr
	if err := helper.Run(); err != nil {
		return usage{}, fmt.Errorf("run %s: %w", cmd.Path, err)
	}
	raw, err := os.ReadFile(f.Name())
	if err != nil {
		return usage{}, err
	}
	var u usage
	if err := json.Unmarshal(raw, &u); err != nil {
		return usage{}, fmt.Errorf("run %s: usage: %w", cmd.Path, err)
	}
	return u, nil
}

// measureChild is this program run by run1 as the measuring helper: it
// runs its arguments as a command, with its own standard streams and its
// environment but measureEnv, and writes what the command took, as JSON,
// to the file measureEnv names.
func measureChild(out string) error {
	if len(os.Args) < 2 {
		return errors.New("measure: no command")
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, measureEnv+"=") })
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			return err
		}
	}
	u := usage{Wall: wall, CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), Code: cmd.ProcessState.ExitCode()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.RSS = float64(ru.Maxrss) / 1024
	}
	raw, err := json.Marshal(u)
	if err != nil {
		return err
	}
	return os.WriteFile(out, raw, 0o644)
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

func dirBytes(dir string) int64 {
	var total int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return total
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
