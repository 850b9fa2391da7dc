// Package external runs provider programs that speak annexa provider
// protocol v1 (docs/providers.md): annexa writes one JSON request on the
// program's standard input, the program writes facts as JSON lines on its
// standard output and diagnostics on its standard error. The program runs
// with a minimal environment, a time limit and bounded output; whatever it
// does wrong is an error naming it, never a corrupted run.
package external

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/diag"

	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/redact"
)

// ProtocolVersion is the version of the protocol annexa speaks.
const ProtocolVersion = 1

// CommandPrefix prefixes the executable annexa looks up on PATH for a
// provider named NAME: annexa-provider-NAME.
const CommandPrefix = "annexa-provider-"

// SourcePrefix prefixes the provider name in each fact's source.provider.
const SourcePrefix = "external:"

// Limits a provider runs under unless it is configured otherwise.
const (
	DefaultTimeout  = 60 * time.Second
	DefaultMaxBytes = 64 << 20
	DefaultMaxFacts = 100_000
)

// stderrTail is how much of a provider's standard error is kept, and
// stderrLines how many of its last lines an error shows.
const (
	stderrTail  = 64 << 10
	stderrLines = 10
)

// baseEnv are the variables every provider gets from annexa's environment
// when set: enough to find programs, a home and a locale, nothing that
// usually holds a credential.
func baseEnv() []string {
	return []string{"PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR"}
}

// namePattern is what a provider name may look like: it becomes part of a
// file name looked up on PATH.
var namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// ValidName reports whether name can name an external provider.
func ValidName(name string) bool { return namePattern.MatchString(name) }

// Provider runs one external provider program.
type Provider struct {
	// Name is the provider's name: facts get source.provider
	// "external:NAME", and without Command the program is
	// annexa-provider-NAME on PATH.
	Name string
	// Command is the program and its arguments; empty looks up
	// annexa-provider-NAME.
	Command []string
	// Args are passed to the program as the request's args.
	Args map[string]any
	// Env names variables of annexa's environment passed on to the
	// program, besides PATH, HOME, the locale and the protocol's own.
	Env []string
	// Dir is the program's working directory; empty is annexa's.
	Dir string
	// Timeout, MaxBytes (of standard output) and MaxFacts bound a run;
	// zero means the defaults.
	Timeout  time.Duration
	MaxBytes int64
	MaxFacts int
	// EffectiveTime is the time the run is as of, told to the program;
	// zero is now.
	EffectiveTime time.Time
	// LookupEnv reads annexa's environment; nil is os.LookupEnv.
	LookupEnv func(string) (string, bool)
}

// AtTime returns the provider set to tell the program the run is as of t.
func (p Provider) AtTime(t time.Time) providers.Provider {
	p.EffectiveTime = t
	return p
}

var _ providers.Timed = Provider{}

// request is what annexa writes on the program's standard input.
type request struct {
	Protocol      int            `json:"protocol"`
	Provider      string         `json:"provider"`
	Source        string         `json:"source"`
	Args          map[string]any `json:"args"`
	EffectiveTime string         `json:"effective_time"`
}

// Error is a provider failure: it names the provider and, for bad output,
// the line of standard output that was wrong.
type Error struct {
	Provider string
	// Line is the 1-based line of standard output at fault, 0 if none.
	Line int
	Msg  string
	// Stderr holds the last lines the program wrote on standard error.
	Stderr []string
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "external provider %s: ", e.Provider)
	if e.Line > 0 {
		fmt.Fprintf(&b, "stdout line %d: ", e.Line)
	}
	b.WriteString(e.Msg)
	if len(e.Stderr) > 0 {
		fmt.Fprintf(&b, "\nlast lines of its stderr:")
		for _, l := range e.Stderr {
			b.WriteString("\n  | " + l)
		}
	}
	return b.String()
}

// Collect implements providers.Provider: the facts of source, or the error that stopped it as a diagnostic.
func (p Provider) Collect(ctx context.Context, source string) ([]facts.Fact, diag.Diagnostics) {
	fs, err := p.collect(ctx, source)
	return fs, diag.FromError(err, p.Name)
}

// collect runs the program for source and returns the facts it wrote,
// validated and redacted. source may be empty when the program needs no
// input beyond its args.
func (p Provider) collect(ctx context.Context, source string) ([]facts.Fact, error) {
	if !ValidName(p.Name) {
		return nil, fmt.Errorf("external provider %q: a provider name is lower-case letters, digits, - and _", p.Name)
	}
	argv, err := p.command()
	if err != nil {
		return nil, err
	}
	req, err := p.request(source)
	if err != nil {
		return nil, err
	}
	v, err := facts.NewValidator()
	if err != nil {
		return nil, err
	}
	timeout := orDefault(p.Timeout, DefaultTimeout)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	// The program and everything it started go when the time is up or
	// annexa is interrupted.
	token, err := runToken()
	if err != nil {
		return nil, fmt.Errorf("external provider %s: %w", p.Name, err)
	}
	cmd.Cancel = func() error {
		err := killProcessGroup(cmd)
		killTagged(token)
		return err
	}
	cmd.Dir = p.Dir
	cmd.Env = append(p.environment(), runTokenEnv+"="+token)
	cmd.Stdin = bytes.NewReader(req)
	stderr := &tail{max: stderrTail}
	cmd.Stderr = stderr
	// Once the program is killed, do not wait long for descendants that
	// escaped its process group to close the pipes.
	cmd.WaitDelay = 2 * time.Second
	setProcessGroup(cmd)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("external provider %s: %w", p.Name, err)
	}
	if err := cmd.Start(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{Provider: p.Name, Msg: fmt.Sprintf("cannot start %s: %v", argv[0], err)}
	}
	r := reader{p: p, v: v, source: source, maxFacts: orDefault(p.MaxFacts, DefaultMaxFacts), seen: map[string]int{}, redactor: redact.New(nil)}
	maxBytes := orDefault(p.MaxBytes, DefaultMaxBytes)
	readErr := r.read(io.LimitReader(stdout, maxBytes+1), maxBytes)
	if readErr != nil {
		// Rejected output: stop the program before Wait reaps it, while its
		// process group id cannot belong to anyone else.
		_ = killProcessGroup(cmd)
	}
	waitErr := cmd.Wait()
	// Whatever the program left running in its group ends with it, also
	// on success. The group id stays the program's while any member is
	// alive, so this reaches no one else. Descendants that left the group
	// are found by the token in their environment.
	_ = killProcessGroup(cmd)
	killTagged(token)

	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, &Error{Provider: p.Name, Msg: fmt.Sprintf("did not finish within %s; annexa stopped it and every process it started", timeout), Stderr: stderr.lines(stderrLines)}
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case readErr != nil:
		var pe *Error
		if errors.As(readErr, &pe) {
			pe.Stderr = stderr.lines(stderrLines)
		}
		return nil, readErr
	case waitErr != nil:
		return nil, &Error{Provider: p.Name, Msg: exitMessage(waitErr), Stderr: stderr.lines(stderrLines)}
	}
	facts.Sort(r.facts)
	return r.facts, nil
}

// orDefault returns v, or def when v is not set (not positive).
func orDefault[T int | int64 | time.Duration](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

func (p Provider) command() ([]string, error) {
	if len(p.Command) > 0 {
		return p.Command, nil
	}
	prog := CommandPrefix + p.Name
	path, err := exec.LookPath(prog)
	if err != nil {
		return nil, fmt.Errorf("external provider %s: %s is not on PATH (install it, or name its command in annexa.yaml)", p.Name, prog)
	}
	return []string{path}, nil
}

func (p Provider) request(source string) ([]byte, error) {
	at := p.EffectiveTime
	if at.IsZero() {
		at = time.Now()
	}
	args := p.Args
	if args == nil {
		args = map[string]any{}
	}
	b, err := json.Marshal(request{
		Protocol:      ProtocolVersion,
		Provider:      p.Name,
		Source:        source,
		Args:          args,
		EffectiveTime: at.UTC().Format(time.RFC3339),
	})
	if err != nil {
		return nil, fmt.Errorf("external provider %s: encode request: %w", p.Name, err)
	}
	return append(b, '\n'), nil
}

// environment is the program's whole environment: the base variables and
// the allow-listed ones that are set, and the protocol's own.
func (p Provider) environment() []string {
	lookup := p.LookupEnv
	if lookup == nil {
		lookup = os.LookupEnv
	}
	names := append(baseEnv(), p.Env...)
	slices.Sort(names)
	env := []string{
		"ANNEXA_PROVIDER_PROTOCOL=" + strconv.Itoa(ProtocolVersion),
		"ANNEXA_PROVIDER_NAME=" + p.Name,
	}
	for _, n := range slices.Compact(names) {
		if v, ok := lookup(n); ok {
			env = append(env, n+"="+v)
		}
	}
	return env
}

// runTokenEnv names the environment variable that carries a run's token
// to the program and, inherited, to everything it starts.
const runTokenEnv = "ANNEXA_PROVIDER_RUN"

// runToken returns a fresh random token that tags one run's processes.
func runToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("run token: %w", err)
	}
	return hex.EncodeToString(b), nil
}

func exitMessage(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ee.Exited() {
			return fmt.Sprintf("failed with exit status %d", ee.ExitCode())
		}
		return fmt.Sprintf("was stopped: %v", ee)
	}
	return fmt.Sprintf("failed: %v", err)
}

// reader turns the program's standard output into facts.
type reader struct {
	p        Provider
	v        *facts.Validator
	redactor *redact.Redactor
	source   string
	maxFacts int
	// seen maps a fact id to the line that produced it.
	seen  map[string]int
	facts []facts.Fact
}

func (r *reader) fail(line int, format string, args ...any) error {
	return &Error{Provider: r.p.Name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (r *reader) read(out io.Reader, maxBytes int64) error {
	br := bufio.NewReaderSize(out, 64<<10)
	var total int64
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		total += int64(len(b))
		if total > maxBytes {
			return r.fail(line, "wrote more than %d bytes on stdout; annexa stopped it", maxBytes)
		}
		if len(bytes.TrimSpace(b)) > 0 {
			if err := r.line(line, b); err != nil {
				return err
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return r.fail(line, "read stdout: %v", err)
		}
	}
}

func (r *reader) line(n int, b []byte) error {
	if len(r.facts) >= r.maxFacts {
		return r.fail(n, "wrote more than %d facts; annexa stopped it", r.maxFacts)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var v any
	if err := dec.Decode(&v); err != nil {
		return r.fail(n, "invalid JSON: %v (each line must be one fact as a JSON object)", err)
	}
	if dec.More() {
		return r.fail(n, "more than one JSON value on the line (each line must be one fact as a JSON object)")
	}
	doc, ok := v.(map[string]any)
	if !ok {
		return r.fail(n, "expected a fact (a JSON object), found %s", input.Describe(v))
	}
	src, ok := doc["source"].(map[string]any)
	if _, present := doc["source"]; present && !ok {
		return r.fail(n, "invalid fact: field /source: expected an object")
	}
	if src == nil {
		src = map[string]any{}
		doc["source"] = src
	}
	src["provider"] = SourcePrefix + r.p.Name
	if f, _ := src["file"].(string); f == "" {
		src["file"] = r.defaultFile()
	}
	if err := r.v.Validate(doc); err != nil {
		var ie *facts.InvalidFactError
		if errors.As(err, &ie) {
			return r.fail(n, "invalid fact %q: field %s: %s", ie.FactID, ie.Field, ie.Message)
		}
		return r.fail(n, "%v", err)
	}
	f, err := toFact(doc)
	if err != nil {
		return r.fail(n, "%v", err)
	}
	if prev, dup := r.seen[f.ID]; dup {
		return r.fail(n, "fact %q was already written on line %d", f.ID, prev)
	}
	r.seen[f.ID] = n
	r.redact(&f)
	r.facts = append(r.facts, f)
	return nil
}

func (r *reader) defaultFile() string {
	if r.source != "" {
		return r.source
	}
	return CommandPrefix + r.p.Name
}

// toFact converts a validated fact document into a Fact.
func toFact(doc map[string]any) (facts.Fact, error) {
	b, err := json.Marshal(doc)
	if err != nil {
		return facts.Fact{}, err
	}
	var f facts.Fact
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return facts.Fact{}, fmt.Errorf("invalid fact: %v", err)
	}
	// JSON numbers decode as float64; a count index is an int.
	if ix, ok := f.Index.(float64); ok {
		f.Index = int(ix)
	}
	return f, nil
}

// redact applies annexa's own redaction on top of what the program
// declared: the values at the paths it lists as sensitive are replaced
// whatever it wrote there, and secret-named keys are redacted as in every
// provider.
func (r *reader) redact(f *facts.Fact) {
	for _, p := range f.Sensitive {
		redactPath(f.Attributes, strings.Split(p, "."))
	}
	res := r.redactor.Object(f.Attributes, nil)
	f.Attributes = res.Attributes
	all := append(slices.Clone(f.Sensitive), res.Sensitive...)
	slices.Sort(all)
	f.Sensitive = slices.Compact(all)
	for p, rule := range res.Detected {
		if f.Detected == nil {
			f.Detected = map[string]string{}
		}
		f.Detected[p] = rule
	}
}

func redactPath(v any, path []string) {
	if len(path) == 0 {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		c, ok := x[path[0]]
		if !ok {
			return
		}
		if len(path) == 1 {
			if c != nil {
				x[path[0]] = facts.Redacted
			}
			return
		}
		redactPath(c, path[1:])
	case []any:
		i, err := strconv.Atoi(path[0])
		if err != nil || i < 0 || i >= len(x) {
			return
		}
		if len(path) == 1 {
			if x[i] != nil {
				x[i] = facts.Redacted
			}
			return
		}
		redactPath(x[i], path[1:])
	}
}

// tail keeps the last max bytes written to it.
type tail struct {
	max int
	buf []byte
}

func (t *tail) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) > t.max {
		p = p[len(p)-t.max:]
	}
	if over := len(t.buf) + len(p) - t.max; over > 0 {
		t.buf = t.buf[over:]
	}
	t.buf = append(t.buf, p...)
	return n, nil
}

// lines returns the last n non-empty lines, each cut to a readable length.
func (t *tail) lines(n int) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(string(t.buf), "\r\n", "\n"), "\n") {
		l = strings.TrimRight(l, " \t\r")
		if l == "" {
			continue
		}
		if len(l) > 300 {
			l = strings.ToValidUTF8(l[:300], "") + "..."
		}
		out = append(out, l)
	}
	if len(out) > n {
		out = out[len(out)-n:]
	}
	return out
}

// Scope names a source of the provider among others in one run: the
// provider's name, with the source when it has one.
func (p Provider) Scope(source string) string {
	if source == "" {
		return p.Name
	}
	return p.Name + "=" + filepath.ToSlash(filepath.Clean(source))
}
