package bundles

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/sigstore/sigstore/pkg/signature"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/output"
	"github.com/annexa-dev/annexa/providers/facts"
)

// Evidence is what one run produced and a bundle records.
type Evidence struct {
	// Facts are the redacted facts the policies evaluated.
	Facts []facts.Fact
	// FactsJSON, when set, is facts.json as EncodeFacts rendered Facts
	// before the evaluation; Facts' attributes may since have been
	// released (engine.ReleaseAttributes), so that a large input's
	// attributes and their policy documents are not held together.
	FactsJSON *PackedFile
	// Report is the whole evaluation result; it is written as `check
	// --format json` writes it, so sections added to engine.Report are
	// recorded (and replayed) without changes here.
	Report *engine.Report
	// Policies are the exact policy files the engine compiled.
	Policies engine.PolicyFiles
	// Inputs are the files the facts were collected from, as named on the
	// command line; their digests go into the manifest and the predicate.
	Inputs []string
	// EvalTimeout is the time limit each policy's evaluation had.
	EvalTimeout time.Duration
}

// Write writes ev as a signed bundle to w. The signing time recorded in the
// predicate is now.
func Write(ctx context.Context, w io.Writer, ev *Evidence, signer signature.Signer, now time.Time) error {
	if ev.Report == nil {
		return errors.New("write bundle: no report")
	}
	hint, err := hintOf(signer)
	if err != nil {
		return fmt.Errorf("write bundle: signing key: %w", err)
	}
	inputs, err := digestInputs(ctx, ev.Inputs)
	if err != nil {
		return err
	}
	content, err := contentFiles(ev, hint)
	if err != nil {
		return err
	}
	sources := []string{BuiltinSource}
	for _, s := range ev.Policies.Sources {
		sources = append(sources, s.Name)
	}
	m := Manifest{
		Format:        Format,
		Tool:          ev.Report.Tool,
		EffectiveTime: ev.Report.EffectiveTime,
		Inputs:        inputs,
		PolicySources: sources,
	}
	slices.SortFunc(content, func(a, b archiveFile) int { return cmp.Compare(a.path, b.path) })
	for _, f := range content {
		m.Files = append(m.Files, f.info())
	}
	manifest, err := encodeJSON(m)
	if err != nil {
		return fmt.Errorf("write bundle: %s: %w", FileManifest, err)
	}
	content = append(content, archiveFile{path: FileManifest, data: manifest})
	slices.SortFunc(content, func(a, b archiveFile) int { return cmp.Compare(a.path, b.path) })

	subjects := make([]FileInfo, len(content))
	for i, f := range content {
		subjects[i] = f.info()
	}
	pred := &Predicate{
		Format:        Format,
		ReportFormat:  ev.Report.FormatVersion,
		Tool:          m.Tool,
		EffectiveTime: m.EffectiveTime,
		SignedAt:      now.UTC().Truncate(time.Second),
		Inputs:        m.Inputs,
		PolicySources: m.PolicySources,
		Summary:       ev.Report.Summary,
		// The tree as a replay will read it back from policies.tar.gz.
		BuiltinPolicies: engine.TreeDigest(ev.Policies.Builtin),
		Selection:       ev.Report.Selection,
		Waivers:         ev.Report.Waivers,
	}
	if ev.EvalTimeout > 0 {
		pred.EvalTimeout = ev.EvalTimeout.String()
	}
	statement, err := newStatement(subjects, pred)
	if err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	envelope, sigstoreBundle, err := signStatement(ctx, signer, statement)
	if err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	all := append(content, archiveFile{path: FileDSSE, data: envelope}, archiveFile{path: FileSigstore, data: sigstoreBundle})
	// The reader's default limits: verify and replay read with them.
	if err := writeArchive(w, all, Limits{}); err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	return nil
}

// contentFiles renders every signed file except the manifest.
func contentFiles(ev *Evidence, hint string) ([]archiveFile, error) {
	factsJSON := ev.FactsJSON
	if factsJSON == nil {
		var err error
		if factsJSON, err = EncodeFacts(ev.Facts); err != nil {
			return nil, fmt.Errorf("write bundle: %w", err)
		}
	}
	report, err := pack(FileReport, func(w io.Writer) error { return output.JSON{}.Write(w, ev.Report) })
	if err != nil {
		return nil, fmt.Errorf("write bundle: %w", err)
	}
	var policies bytes.Buffer
	if err := writePolicyBundle(&policies, ev.Policies, ev.Report.Tool.Name+" "+ev.Report.Tool.Version); err != nil {
		return nil, fmt.Errorf("write bundle: %w", err)
	}
	return []archiveFile{
		{path: FileFacts, packed: factsJSON},
		{path: FileReport, packed: report},
		{path: FilePolicies, data: policies.Bytes()},
		{path: FileVerify, data: verifyGuide(hint)},
	}, nil
}

// digestInputs hashes each input file, streaming, so a large plan costs no
// memory.
func digestInputs(ctx context.Context, paths []string) ([]FileInfo, error) {
	paths = slices.Compact(slices.Sorted(slices.Values(paths)))
	out := make([]FileInfo, 0, len(paths))
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("write bundle: digest input %s: %w", p, err)
		}
		h := sha256.New()
		n, err := io.Copy(h, f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("write bundle: digest input %s: %w", p, err)
		}
		out = append(out, FileInfo{Path: p, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))})
	}
	return out, nil
}

func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
