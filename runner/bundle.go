package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/sigstore/sigstore/pkg/signature"

	"github.com/annexa-dev/annexa/bundles"
	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/internal/atomicfile"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/project"
)

// WriteOutput writes one output file atomically: a failed run leaves
// nothing half-written under path.
func WriteOutput(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, 0o644, write)
}

// CheckOutputDir fails, naming path, when the directory it would be
// written to does not exist, so a run can stop before any work.
func CheckOutputDir(path string) error { return atomicfile.CheckDir(path) }

// WriteBundle writes the result as a signed evidence bundle at path,
// atomically, signed now.
func WriteBundle(ctx context.Context, path string, signer signature.Signer, res *Result, now time.Time) error {
	ev := &bundles.Evidence{
		Facts:     res.Facts,
		FactsJSON: res.FactsJSON,
		Report:    res.Report,
		Policies:  res.Engine.PolicyFiles(),
		Inputs:    inputFiles(res.Facts, res.Run.Project),
		// A replay evaluates under the same limit.
		EvalTimeout: res.Engine.EvalTimeout(),
	}
	return atomicfile.Write(path, 0o644, func(w io.Writer) error {
		return bundles.Write(ctx, w, ev, signer, now)
	})
}

// inputFiles are the files the facts came from, so the bundle records
// their digests; sources that are not files on disk have none.
func inputFiles(fs []facts.Fact, p *project.Project) []string {
	declared := []string{p.File}
	for _, src := range p.Sources {
		declared = append(declared, src.Path)
	}
	var roots []string
	for _, d := range declared {
		if r, err := realPath(d); err == nil && d != "" {
			roots = append(roots, r)
		}
	}
	var out []string
	for i := range fs {
		out = append(out, fs[i].Source.File)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return slices.DeleteFunc(out, func(p string) bool {
		st, err := os.Stat(p)
		return p == "" || err != nil || !st.Mode().IsRegular() || !underAny(p, roots)
	})
}

// underAny is true when path, its links resolved, is one of roots or lies
// below one: a provider (an external program above all) names the files
// its facts came from, and the bundle digests only those inside what the
// run was told to read, never a file elsewhere on the machine.
func underAny(path string, roots []string) bool {
	real, err := realPath(path)
	if err != nil {
		return false
	}
	for _, root := range roots {
		if rel, err := filepath.Rel(root, real); err == nil && (rel == "." || filepath.IsLocal(rel)) {
			return true
		}
	}
	return false
}

func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// ReadBundle reads a bundle file into memory within the default limits.
func ReadBundle(path string) (*bundles.Archive, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read bundle %s: %w", path, errors.Unwrap(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("read bundle %s: is a directory, expected a .tar.gz file", path)
	}
	a, err := bundles.ReadArchive(f, bundles.Limits{})
	if err != nil {
		return nil, fmt.Errorf("read bundle %s: %w", path, err)
	}
	return a, nil
}

// Replay evaluates a bundle's recording again through the evaluation stage
// of a run: the recorded policies (not the binary's) evaluate the recorded
// facts (which bundles checked against their schemas) at the recorded
// time. Nothing reads the facts' attributes after the evaluation, so it
// releases them once they are converted (engine.ReleaseAttributes).
func Replay(ctx context.Context, rec *bundles.Recording) (*engine.Report, error) {
	eng, err := rec.Engine(ctx)
	if err != nil {
		return nil, err
	}
	return Evaluate(ctx, eng, rec.Facts, nil, engine.ReleaseAttributes())
}

// VerifyOptions tune Verify.
type VerifyOptions struct {
	// KeyName names the key in messages.
	KeyName string
	// MaxAge, when positive, is how old the effective time may be.
	MaxAge time.Duration
	// Replay re-evaluates the recording and compares it with the report.
	Replay bool
}

// Verify verifies a bundle against key and, when asked, replays it with
// Replay. It may release the archive's largest files as it goes
// (bundles.VerifyOptions.ReleaseFiles): a is not to be used afterwards.
func Verify(ctx context.Context, a *bundles.Archive, key signature.Verifier, o VerifyOptions) (*bundles.Result, error) {
	opts := bundles.VerifyOptions{KeyName: o.KeyName, MaxAge: o.MaxAge, ReleaseFiles: true}
	if o.Replay {
		opts.Replay = Replay
	}
	return bundles.Verify(ctx, a, key, opts)
}

// File is one file WriteFiles writes.
type File = atomicfile.File

// ExistsError is WriteFiles' refusal to replace an existing file.
type ExistsError = atomicfile.ExistsError

// WriteFiles writes files (a key pair, a new policy and its test), each
// atomically; unless overwrite is set it refuses, before writing anything,
// when one of them exists.
func WriteFiles(files []File, overwrite bool) error { return atomicfile.WriteAll(files, overwrite) }
