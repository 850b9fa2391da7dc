package bundles

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/output"
	"github.com/annexa-dev/annexa/engine/waiver"
	"github.com/annexa-dev/annexa/providers/facts"
)

// Report sections a replay does not compare: the tool section says which
// binary made the report (a replay records its own OPA version there, so
// it is reported, not compared), and diagnostics are about reading the
// inputs, which a replay does not do again.
const (
	toolSection        = "tool"
	diagnosticsSection = "diagnostics"
	// baselineSection compares the run with an earlier one (--baseline):
	// not part of the evaluation.
	baselineSection = "baseline"
)

// Recording is what a bundle recorded of a run, enough to evaluate it
// again.
type Recording struct {
	// Facts are the recorded facts, as policies saw them.
	Facts []facts.Fact
	// Builtin is the recorded built-in policy tree (laid out like
	// policies.FS) and Sources the other recorded policy trees.
	Builtin fs.FS
	Sources []engine.PolicySource
	// EffectiveTime and Tool are the recorded run's.
	EffectiveTime time.Time
	Tool          engine.Tool
	// EvalTimeout is the recorded time limit of each policy's evaluation;
	// zero (a bundle from before it was recorded) means the default.
	EvalTimeout time.Duration
	// Selection is the recorded report's selection of controls and
	// policies (empty: everything).
	Selection engine.Selection
	// Waivers are the waivers the recorded report applied.
	Waivers []waiver.Waiver
}

// Engine builds an engine of the recorded policies (not the binary's) at
// the recorded effective time, recording the recorded annexa version.
func (rec *Recording) Engine(ctx context.Context) (*engine.Engine, error) {
	eng, err := engine.New(ctx,
		engine.WithPolicyFS(rec.Builtin),
		engine.WithPolicySources(rec.Sources...),
		engine.WithEffectiveTime(rec.EffectiveTime),
		engine.WithToolVersion(rec.Tool.Version),
		engine.WithEvalTimeout(rec.EvalTimeout),
		engine.WithSelection(rec.Selection),
		engine.WithWaivers(rec.Waivers),
	)
	if err != nil {
		return nil, fmt.Errorf("load the recorded policies: %w", err)
	}
	return eng, nil
}

// Replayer evaluates a recording again and returns the report.
type Replayer func(ctx context.Context, rec *Recording) (*engine.Report, error)

// ReplayResult is the outcome of re-evaluating a bundle.
type ReplayResult struct {
	// Sections are the report sections compared, sorted.
	Sections []string
	// Differences say where the replayed report differs, as
	// "section.path: recorded X, replayed Y"; empty when identical.
	Differences []string
	// Facts and Policies count what was replayed.
	Facts, Policies int
	// RecordedOPA and ReplayedOPA are the OPA versions of the two runs.
	RecordedOPA, ReplayedOPA string
}

// replay reads the recorded facts, checks them against the fact schemas
// as a first run checks what providers produce, reads the recorded policy
// bundle (not the binary's embedded policies), has opts.Replay evaluate
// them at the recorded effective time, renders the report exactly as the
// bundle's report.json was rendered, and compares them section by section.
// Sections are the report's top-level keys, so sections later added to
// engine.Report are compared too. rep is what checkClaims read of
// report.json.
//
// The rendering is compared with report.json section by section as it is
// written, by digest (sectionComparer), so neither report is held whole;
// with opts.ReleaseFiles report.json is not held during the evaluation
// either. Only when a section differs are both read in full to say where.
func replay(ctx context.Context, a *Archive, m *Manifest, p *Predicate, rep *recordedReport, opts VerifyOptions) (*ReplayResult, error) {
	var evalTimeout time.Duration
	if p.EvalTimeout != "" {
		d, err := time.ParseDuration(p.EvalTimeout)
		if err != nil || d <= 0 {
			return nil, fmt.Errorf("the signed predicate's eval_timeout %q is not a positive duration", p.EvalTimeout)
		}
		evalTimeout = d
	}
	rec := &Recording{EffectiveTime: m.EffectiveTime, Tool: m.Tool, EvalTimeout: evalTimeout}
	if rep.Selection != nil {
		rec.Selection = *rep.Selection
	}
	for _, w := range rep.Waivers {
		rec.Waivers = append(rec.Waivers, w.Waiver)
	}
	factsJSON, reportJSON, policiesRaw := a.Files[FileFacts], a.Files[FileReport], a.Files[FilePolicies]
	recorded, err := sectionDigests(reportJSON)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", FileReport, err)
	}
	if opts.ReleaseFiles {
		delete(a.Files, FileFacts)
		if a.compressed != nil {
			// Read again from the compressed archive if the replay differs.
			delete(a.Files, FileReport)
			reportJSON = nil
		}
	}
	if err := decodeFacts(factsJSON, &rec.Facts); err != nil {
		return nil, err
	}
	// factsJSON is not read again: with opts.ReleaseFiles its bytes are
	// garbage from here on.
	if rec.Builtin, rec.Sources, err = readPolicyBundle(policiesRaw, opts.Limits); err != nil {
		return nil, err
	}
	report, err := opts.Replay(ctx, rec)
	if err != nil {
		return nil, err
	}
	rr := &ReplayResult{
		Facts:       len(rec.Facts),
		Policies:    len(report.Policies),
		RecordedOPA: m.Tool.OPAVersion,
		ReplayedOPA: report.Tool.OPAVersion,
	}
	// Only the report is compared from here on: rec, and the facts it
	// holds, are garbage.
	cmp := newSectionComparer(recorded)
	if err := (output.JSON{}).Write(cmp, report); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	if err := cmp.close(); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	if names, same := cmp.identical(); same {
		rr.Sections = names
		return rr, nil
	}
	// Something differs: render the replayed report again, whole, and
	// compare it with the recorded one to say what.
	if reportJSON == nil {
		if reportJSON, err = a.reread(FileReport, fileDigest(m, FileReport)); err != nil {
			return nil, err
		}
	}
	var rendered bytes.Buffer
	if err := (output.JSON{}).Write(&rendered, report); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	rr.Sections, rr.Differences, err = compareReports(reportJSON, rendered.Bytes())
	if err != nil {
		return nil, err
	}
	return rr, nil
}

// fileDigest is the sha256 the (verified) manifest lists for a file.
func fileDigest(m *Manifest, name string) string {
	for _, f := range m.Files {
		if f.Path == name {
			return f.SHA256
		}
	}
	return ""
}

// decodeFacts reads facts.json and checks every fact against the fact
// schemas, as a first run checks what providers produce.
func decodeFacts(raw []byte, fs *[]facts.Fact) error {
	if err := json.Unmarshal(raw, fs); err != nil {
		return fmt.Errorf("read %s: %w", FileFacts, err)
	}
	v, err := facts.NewValidator()
	if err != nil {
		return err
	}
	for i := range *fs {
		if err := v.ValidateFact(&(*fs)[i]); err != nil {
			return fmt.Errorf("read %s: %w", FileFacts, err)
		}
	}
	return nil
}

// skippedSection says whether a report section is left out of the
// comparison.
func skippedSection(name string) bool {
	return name == toolSection || name == diagnosticsSection || name == baselineSection
}

// compareReports compares a recorded and a replayed rendering section by
// section and returns the sections compared and where they differ.
func compareReports(recordedJSON, replayedJSON []byte) (names, differences []string, err error) {
	recorded, err := sections(recordedJSON)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", FileReport, err)
	}
	replayed, err := sections(replayedJSON)
	if err != nil {
		return nil, nil, fmt.Errorf("render: %w", err)
	}
	all := slices.Sorted(maps.Keys(recorded))
	for _, n := range slices.Sorted(maps.Keys(replayed)) {
		if !slices.Contains(all, n) {
			all = append(all, n)
		}
	}
	for _, name := range all {
		if skippedSection(name) {
			continue
		}
		names = append(names, name)
		rec, okRec := recorded[name]
		rep, okRep := replayed[name]
		switch {
		case !okRec:
			differences = append(differences, fmt.Sprintf("%s: not in the recorded report, replayed %s", name, abbrev(rep)))
		case !okRep:
			differences = append(differences, fmt.Sprintf("%s: recorded %s, not in the replayed report", name, abbrev(rec)))
		case !bytes.Equal(rec, rep):
			differences = append(differences, diffJSON(name, rec, rep)...)
		}
	}
	return names, differences, nil
}

// sections splits a rendered report into its top-level sections, each
// compacted so that only content, not layout, is compared.
func sections(report []byte) (map[string][]byte, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(report, &raw); err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(raw))
	for k, v := range raw {
		var buf bytes.Buffer
		if err := json.Compact(&buf, v); err != nil {
			return nil, err
		}
		out[k] = buf.Bytes()
	}
	return out, nil
}

// diffJSON describes where two JSON documents differ, as paths with the
// recorded and replayed values. Array elements with an "id" are named by
// it (controls[8.24]); others by index.
func diffJSON(name string, rec, rep []byte) []string {
	var a, b any
	if decode(rec, &a) != nil || decode(rep, &b) != nil {
		return []string{fmt.Sprintf("%s: differs", name)}
	}
	var out []string
	walkDiff(name, a, b, &out)
	if len(out) == 0 {
		// Equal values, different bytes: the report was rendered differently
		// (key order, number spelling), so it is not the one annexa wrote.
		out = append(out, fmt.Sprintf("%s: same values but encoded differently (key order or number format)", name))
	}
	return out
}

func decode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}

const maxDiffs = 20

func walkDiff(path string, a, b any, out *[]string) {
	if len(*out) >= maxDiffs {
		return
	}
	switch av := a.(type) {
	case map[string]any:
		bv, ok := b.(map[string]any)
		if !ok {
			break
		}
		keys := slices.Sorted(maps.Keys(av))
		for k := range bv {
			if _, ok := av[k]; !ok {
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			x, okA := av[k]
			y, okB := bv[k]
			switch {
			case !okA:
				*out = append(*out, fmt.Sprintf("%s.%s: not recorded, replayed %s", path, k, show(y)))
			case !okB:
				*out = append(*out, fmt.Sprintf("%s.%s: recorded %s, not replayed", path, k, show(x)))
			default:
				walkDiff(path+"."+k, x, y, out)
			}
		}
		return
	case []any:
		bv, ok := b.([]any)
		if !ok {
			break
		}
		if len(av) != len(bv) {
			*out = append(*out, fmt.Sprintf("%s: recorded %d entries, replayed %d", path, len(av), len(bv)))
		}
		for i := range min(len(av), len(bv)) {
			walkDiff(path+"["+elementName(av[i], i)+"]", av[i], bv[i], out)
		}
		return
	}
	if show(a) != show(b) {
		*out = append(*out, fmt.Sprintf("%s: recorded %s, replayed %s", path, show(a), show(b)))
	}
}

func elementName(v any, i int) string {
	if m, ok := v.(map[string]any); ok {
		if id, ok := m["id"].(string); ok {
			return id
		}
	}
	return strconv.Itoa(i)
}

func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return abbrev(b)
}

func abbrev(b []byte) string {
	const n = 120
	if len(b) <= n {
		return string(b)
	}
	return string(b[:n]) + "…"
}
