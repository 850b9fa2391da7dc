package bundles

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"time"

	"github.com/annexa-dev/annexa/engine"

	"github.com/sigstore/sigstore/pkg/signature"
)

// clockSkew is how far in the future an effective time may lie before a
// bundle counts as post-dated.
const clockSkew = 5 * time.Minute

// VerifyOptions tune Verify.
type VerifyOptions struct {
	// KeyName names the key in messages (its file; default "the given key").
	KeyName string
	// Now is the time freshness is judged at (default time.Now()).
	Now time.Time
	// MaxAge, when positive, is how old the effective time may be.
	MaxAge time.Duration
	// Replay, when set, re-evaluates the recorded policies over the
	// recorded facts; annexa's is runner.Replay, the evaluation stage of
	// every run.
	Replay Replayer
	// Limits bound the nested policy bundle a replay reads.
	Limits Limits
	// ReleaseFiles lets a replay delete facts.json and report.json from
	// the archive's Files once it has read what it needs of them, so that
	// a large bundle's files are not held beside the facts decoded from
	// them. Set it when the archive is not used after Verify.
	ReleaseFiles bool
}

// Result is what a verified bundle holds.
type Result struct {
	// KeyHint is the hint of the key the bundle verified with.
	KeyHint   string
	Predicate *Predicate
	Manifest  *Manifest
	// Subjects are the signed files, sorted by path.
	Subjects []FileInfo
	// Policies compares the recorded built-in policy tree with the
	// verifier's own.
	Policies *PolicyTreeCheck
	// Replay is set when VerifyOptions.Replay was.
	Replay *ReplayResult
}

// Verify checks a bundle read with ReadArchive against key: the signature
// files, the predicate type, every file's digest, that no file is missing,
// extra or renamed, that the manifest agrees with the files and the
// statement, and freshness; with opts.Replay it replays the evaluation.
// A bundle that fails a check gives a *VerificationError naming every
// problem found; other errors mean the check could not run.
func Verify(ctx context.Context, a *Archive, key signature.Verifier, opts VerifyOptions) (*Result, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.KeyName == "" {
		opts.KeyName = "the given key"
	}
	signed, err := verifySignature(a, key, opts.KeyName)
	if err != nil {
		return nil, err
	}
	keyHint, err := hintOf(key)
	if err != nil {
		return nil, err
	}
	res := &Result{KeyHint: keyHint, Predicate: signed.predicate}
	var problems []string
	res.Subjects, problems = checkSubjects(a, signed)
	if len(problems) > 0 {
		// Nothing read from an unverified file can be trusted.
		return res, &VerificationError{Problems: problems}
	}
	m, problems := checkManifest(a, res)
	res.Manifest = m
	var recorded *recordedReport
	if len(problems) == 0 {
		recorded, problems = checkClaims(a, res.Predicate)
	}
	if len(problems) == 0 {
		res.Policies, problems = checkPolicyTree(a, res.Predicate, opts.Limits)
	}
	if len(problems) == 0 {
		problems = checkFreshness(m.EffectiveTime, opts)
	}
	if len(problems) > 0 {
		return res, &VerificationError{Problems: problems}
	}
	if opts.Replay != nil {
		if v := res.Predicate.RecordedReportFormat(); v != engine.ReportFormat {
			return res, &ReplayRefusedError{Recorded: v, Tool: res.Predicate.Tool.Version}
		}
		rr, err := replay(ctx, a, m, res.Predicate, recorded, opts)
		if err != nil {
			if ctx.Err() != nil {
				return res, err
			}
			// The evidence is authentic but cannot be reproduced (say, the
			// recorded policies do not compile with this OPA): not verified.
			return res, failed("replay could not run: %v", err)
		}
		res.Replay = rr
		if len(rr.Differences) > 0 {
			problems := []string{"replay differs from the recorded report: " + rr.Differences[0]}
			for _, d := range rr.Differences[1:] {
				problems = append(problems, "replay differs: "+d)
			}
			return res, &VerificationError{Problems: problems}
		}
	}
	return res, nil
}

// ReplayRefusedError says a verified bundle cannot be replayed because its
// report was made under another report format: replaying it with this
// annexa's rules would compare different things.
type ReplayRefusedError struct {
	// Recorded is the bundle's report format; Tool the annexa version
	// that wrote it.
	Recorded int
	Tool     string
}

func (e *ReplayRefusedError) Error() string {
	return fmt.Sprintf("cannot replay: the bundle's report is format %d and this annexa replays format %d only; "+
		"its signature, files and manifest are verified (run without --replay), or replay it with the annexa that wrote it (%s)",
		e.Recorded, engine.ReportFormat, e.Tool)
}

// checkSubjects checks every file against the statement's subjects. Like
// opa/v1/bundle's verification, each file that checks out is deleted from
// the expected set: what is left was signed but is missing, and a file that
// was never expected is extra (and, if its digest is a missing file's,
// that file renamed).
func checkSubjects(a *Archive, s *signedStatement) ([]FileInfo, []string) {
	var problems []string
	expected := map[string]string{}
	for _, sub := range s.statement.GetSubject() {
		name, digest := sub.GetName(), sub.GetDigest()["sha256"]
		switch {
		case !fs.ValidPath(name) || name == ".":
			problems = append(problems, fmt.Sprintf("the statement names a subject %q that is not a clean relative path", name))
			continue
		case slices.Contains(signatureFiles, name):
			problems = append(problems, fmt.Sprintf("the statement names the signature file %s as a subject", name))
			continue
		case len(digest) != sha256.Size*2:
			problems = append(problems, fmt.Sprintf("subject %s has no sha256 digest", name))
			continue
		}
		if _, dup := expected[name]; dup {
			problems = append(problems, fmt.Sprintf("the statement names subject %s twice", name))
			continue
		}
		expected[name] = digest
	}
	present := maps.Clone(a.Files)
	for _, f := range signatureFiles {
		delete(present, f)
	}
	var verified []FileInfo
	for _, name := range slices.Sorted(maps.Keys(expected)) {
		data, ok := present[name]
		if !ok {
			continue
		}
		want := expected[name]
		delete(present, name)
		delete(expected, name)
		got := fileInfo(name, data)
		if got.SHA256 != want {
			problems = append(problems, fmt.Sprintf("%s: sha256 %s does not match the signed %s (changed, or swapped in from another bundle)", name, got.SHA256, want))
			continue
		}
		verified = append(verified, got)
	}
	// Left over: expected holds signed files that are missing, present holds
	// files nobody signed.
	for _, name := range slices.Sorted(maps.Keys(present)) {
		digest := sha256Hex(present[name])
		renamed := ""
		for _, m := range slices.Sorted(maps.Keys(expected)) {
			if expected[m] == digest {
				renamed = m
				break
			}
		}
		if renamed != "" {
			problems = append(problems, fmt.Sprintf("%s is the signed %s renamed", name, renamed))
			delete(expected, renamed)
			continue
		}
		problems = append(problems, fmt.Sprintf("%s is not covered by the signature (an extra file)", name))
	}
	for _, name := range slices.Sorted(maps.Keys(expected)) {
		problems = append(problems, fmt.Sprintf("%s is signed but missing from the bundle", name))
	}
	return verified, problems
}

// checkManifest reads the (verified) manifest and checks it against the
// files and the predicate.
func checkManifest(a *Archive, res *Result) (*Manifest, []string) {
	raw, ok := a.Files[FileManifest]
	if !ok || !slices.ContainsFunc(res.Subjects, func(f FileInfo) bool { return f.Path == FileManifest }) {
		return nil, []string{FileManifest + " is not among the signed files"}
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, []string{fmt.Sprintf("%s: %v", FileManifest, err)}
	}
	var problems []string
	if m.Format != Format {
		problems = append(problems, fmt.Sprintf("%s: format %q, want %q", FileManifest, m.Format, Format))
	}
	listed := map[string]FileInfo{}
	for _, f := range m.Files {
		listed[f.Path] = f
	}
	for _, f := range res.Subjects {
		if f.Path == FileManifest {
			continue
		}
		l, ok := listed[f.Path]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s does not list %s", FileManifest, f.Path))
		case l != f:
			problems = append(problems, fmt.Sprintf("%s lists %s with size %d sha256 %s, but the file has size %d sha256 %s", FileManifest, f.Path, l.Size, l.SHA256, f.Size, f.SHA256))
		}
		delete(listed, f.Path)
	}
	for _, p := range slices.Sorted(maps.Keys(listed)) {
		problems = append(problems, fmt.Sprintf("%s lists %s, which is not a signed file", FileManifest, p))
	}
	p := res.Predicate
	if !m.EffectiveTime.Equal(p.EffectiveTime) || m.Tool != p.Tool {
		problems = append(problems, fmt.Sprintf("%s and the signed predicate disagree on the tool or effective time", FileManifest))
	}
	if !slices.Equal(m.Inputs, p.Inputs) || !slices.Equal(m.PolicySources, p.PolicySources) {
		problems = append(problems, fmt.Sprintf("%s and the signed predicate disagree on the inputs or policy sources", FileManifest))
	}
	return &m, problems
}

func checkFreshness(eff time.Time, opts VerifyOptions) []string {
	age := opts.Now.Sub(eff)
	switch {
	case age < -clockSkew:
		return []string{fmt.Sprintf("effective time %s is in the future (now %s)", eff.Format(time.RFC3339), opts.Now.UTC().Format(time.RFC3339))}
	case opts.MaxAge > 0 && age > opts.MaxAge:
		return []string{fmt.Sprintf("stale: effective time %s is %s old, over --max-age %s", eff.Format(time.RFC3339), age.Round(time.Second), opts.MaxAge)}
	}
	return nil
}
