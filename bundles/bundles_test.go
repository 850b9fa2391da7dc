package bundles

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestWriteAndVerify(t *testing.T) {
	base, _ := bundlesForTest(t)
	a := mustRead(t, base)
	wantOrder := append(slices.Sorted(slices.Values(subjectFiles)), FileDSSE, FileSigstore)
	if !slices.Equal(a.Order, wantOrder) {
		t.Errorf("archive entries %v, want %v", a.Order, wantOrder)
	}
	res, err := Verify(context.Background(), a, loadVerifier(t, "annexa-test"), VerifyOptions{Now: effective.Add(time.Hour), Replay: testReplay})
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	var got []string
	for _, f := range res.Subjects {
		got = append(got, f.Path)
	}
	if !slices.Equal(got, slices.Sorted(slices.Values(subjectFiles))) {
		t.Errorf("signed files %v, want %v", got, subjectFiles)
	}
	m := res.Manifest
	if m.Format != Format || !m.EffectiveTime.Equal(effective) || m.Tool.Version != "v0.0.0-test" || m.Tool.OPAVersion == "" {
		t.Errorf("manifest metadata: %+v", m)
	}
	if len(m.Inputs) != 1 || m.Inputs[0].Path != testPlan || len(m.Inputs[0].SHA256) != 64 {
		t.Errorf("manifest inputs: %+v", m.Inputs)
	}
	if !slices.Equal(m.PolicySources, []string{BuiltinSource, customPolicy}) {
		t.Errorf("policy sources %v", m.PolicySources)
	}
	if len(m.Files) != len(subjectFiles)-1 || !slices.IsSortedFunc(m.Files, func(a, b FileInfo) int { return strings.Compare(a.Path, b.Path) }) {
		t.Errorf("manifest files not every file but itself, sorted: %+v", m.Files)
	}
	if res.Predicate.Summary.Findings == 0 || res.Predicate.Summary.Controls != 93 {
		t.Errorf("predicate summary: %+v", res.Predicate.Summary)
	}
	r := res.Replay
	if r == nil || len(r.Differences) != 0 || !slices.Contains(r.Sections, "controls") || !slices.Contains(r.Sections, "findings") {
		t.Errorf("replay: %+v", r)
	}
}

// resign rebuilds the statement over the archive's current files, lets edit
// change it, and signs it again: what a holder of the key, or a buggy
// writer, could produce.
func resign(t *testing.T, a *Archive, edit func(subjects []FileInfo, pred *Predicate) (statementType, predicateType string)) {
	t.Helper()
	in, err := Inspect(a)
	if err != nil {
		t.Fatal(err)
	}
	var subjects []FileInfo
	for _, p := range slices.Sorted(maps.Keys(a.Files)) {
		if !slices.Contains(signatureFiles, p) {
			subjects = append(subjects, fileInfo(p, a.Files[p]))
		}
	}
	pred := in.Predicate
	stType, predType := "", ""
	if edit != nil {
		stType, predType = edit(subjects, pred)
	}
	payload, err := newStatement(subjects, pred)
	if err != nil {
		t.Fatal(err)
	}
	if stType != "" || predType != "" {
		var m map[string]any
		if err := json.Unmarshal(payload, &m); err != nil {
			t.Fatal(err)
		}
		if stType != "" {
			m["_type"] = stType
		}
		if predType != "" {
			m["predicateType"] = predType
		}
		payload, _ = json.Marshal(m)
	}
	env, sb, err := signStatement(context.Background(), loadSigner(t, "annexa-test"), payload)
	if err != nil {
		t.Fatal(err)
	}
	a.Files[FileDSSE], a.Files[FileSigstore] = env, sb
}

// fixManifest makes manifest.json list the archive's current files.
func fixManifest(t *testing.T, a *Archive) {
	t.Helper()
	var m Manifest
	if err := json.Unmarshal(a.Files[FileManifest], &m); err != nil {
		t.Fatal(err)
	}
	for i, f := range m.Files {
		m.Files[i] = fileInfo(f.Path, a.Files[f.Path])
	}
	b, err := encodeJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	a.Files[FileManifest] = b
}

func setFile(a *Archive, name string, data []byte) {
	if _, ok := a.Files[name]; !ok {
		a.Order = append(a.Order, name)
	}
	a.Files[name] = data
}

func removeFile(a *Archive, name string) {
	delete(a.Files, name)
	a.Order = slices.DeleteFunc(a.Order, func(p string) bool { return p == name })
}

func flipByte(a *Archive, name string) {
	b := bytes.Clone(a.Files[name])
	b[len(b)/2] ^= 0x01
	a.Files[name] = b
}

func editJSON(t *testing.T, a *Archive, name string, edit func(m map[string]any)) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(a.Files[name], &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	b, err := encodeJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	a.Files[name] = b
}

// TestTamperedBundles: every way of changing a signed bundle is caught,
// with a message naming what is wrong.
func TestTamperedBundles(t *testing.T) {
	base, other := bundlesForTest(t)
	otherArchive := mustRead(t, other)
	tests := []struct {
		name   string
		mutate func(t *testing.T, a *Archive)
		key    string
		opts   VerifyOptions
		want   []string
		only   int // when set, the exact number of problems
	}{
		{name: "flipped byte in report.json", mutate: func(_ *testing.T, a *Archive) { flipByte(a, FileReport) },
			want: []string{"report.json: sha256", "does not match the signed"}},
		{name: "flipped byte in facts.json", mutate: func(_ *testing.T, a *Archive) { flipByte(a, FileFacts) },
			want: []string{"facts.json: sha256"}},
		{name: "flipped byte in manifest.json", mutate: func(_ *testing.T, a *Archive) { flipByte(a, FileManifest) },
			want: []string{"manifest.json: sha256"}},
		{name: "flipped byte in policies.tar.gz", mutate: func(_ *testing.T, a *Archive) { flipByte(a, FilePolicies) },
			want: []string{"policies.tar.gz: sha256"}},
		{name: "flipped byte in VERIFY.md", mutate: func(_ *testing.T, a *Archive) { flipByte(a, FileVerify) },
			want: []string{"VERIFY.md: sha256"}},
		{name: "flipped byte in the DSSE envelope", mutate: func(_ *testing.T, a *Archive) { flipByte(a, FileDSSE) },
			want: []string{FileDSSE}},
		{name: "flipped byte in the sigstore bundle", mutate: func(_ *testing.T, a *Archive) { flipByte(a, FileSigstore) },
			want: []string{FileSigstore}},
		{name: "removed report.json", mutate: func(_ *testing.T, a *Archive) { removeFile(a, FileReport) },
			want: []string{"report.json is signed but missing"}},
		{name: "removed policies.tar.gz", mutate: func(_ *testing.T, a *Archive) { removeFile(a, FilePolicies) },
			want: []string{"policies.tar.gz is signed but missing"}},
		{name: "removed DSSE envelope", mutate: func(_ *testing.T, a *Archive) { removeFile(a, FileDSSE) },
			want: []string{"annexa.dsse.json is missing"}},
		{name: "removed sigstore bundle", mutate: func(_ *testing.T, a *Archive) { removeFile(a, FileSigstore) },
			want: []string{"annexa.sigstore.json is missing"}},
		{name: "added file", mutate: func(_ *testing.T, a *Archive) { setFile(a, "notes.txt", []byte("trust me")) },
			want: []string{"notes.txt is not covered by the signature"}},
		{name: "renamed file", mutate: func(_ *testing.T, a *Archive) {
			setFile(a, "report-final.json", a.Files[FileReport])
			removeFile(a, FileReport)
		}, want: []string{"report-final.json is the signed report.json renamed"}},
		{name: "report.json swapped in from another run", mutate: func(_ *testing.T, a *Archive) {
			a.Files[FileReport] = otherArchive.Files[FileReport]
		}, want: []string{"report.json: sha256", "swapped in from another bundle"}},
		{name: "signature files swapped in from another run", mutate: func(_ *testing.T, a *Archive) {
			a.Files[FileDSSE], a.Files[FileSigstore] = otherArchive.Files[FileDSSE], otherArchive.Files[FileSigstore]
		}, want: []string{"does not match the signed"}},
		{name: "DSSE envelope from another run", mutate: func(_ *testing.T, a *Archive) {
			a.Files[FileDSSE] = otherArchive.Files[FileDSSE]
		}, want: []string{"carry different statements"}},
		{name: "foreign key", key: "cosign-test",
			want: []string{"signature does not verify with the given key", "the bundle was signed by the key with hint"}},
		{name: "other predicate type, validly signed", mutate: func(t *testing.T, a *Archive) {
			resign(t, a, func([]FileInfo, *Predicate) (string, string) { return "", "https://slsa.dev/provenance/v1" })
		}, want: []string{`predicate type "https://slsa.dev/provenance/v1"`}},
		{name: "in-toto v0.1 statement, validly signed", mutate: func(t *testing.T, a *Archive) {
			resign(t, a, func([]FileInfo, *Predicate) (string, string) { return "https://in-toto.io/Statement/v0.1", "" })
		}, want: []string{`type "https://in-toto.io/Statement/v0.1"`}},
		{name: "manifest that lies about a file, validly signed", mutate: func(t *testing.T, a *Archive) {
			editJSON(t, a, FileManifest, func(m map[string]any) {
				m["files"].([]any)[0].(map[string]any)["size"] = 1
			})
			resign(t, a, nil)
		}, want: []string{"manifest.json lists"}},
		{name: "manifest and predicate disagree, validly signed", mutate: func(t *testing.T, a *Archive) {
			resign(t, a, func(_ []FileInfo, p *Predicate) (string, string) {
				p.EffectiveTime = p.EffectiveTime.Add(-time.Hour)
				return "", ""
			})
		}, want: []string{"disagree on the tool or effective time"}},
		{name: "stale", opts: VerifyOptions{Now: effective.Add(31 * 24 * time.Hour), MaxAge: 30 * 24 * time.Hour},
			want: []string{"stale: effective time 2026-11-22T00:00:00Z is 744h0m0s old, over --max-age 720h0m0s"}},
		{name: "post-dated", opts: VerifyOptions{Now: effective.Add(-time.Hour)},
			want: []string{"effective time 2026-11-22T00:00:00Z is in the future"}},
		{name: "recorded policy escapes the sandbox, validly signed", opts: VerifyOptions{Replay: testReplay},
			mutate: func(t *testing.T, a *Archive) {
				pf := policyFilesOf(t, a.Files[FilePolicies])
				pf.Sources[0].Files["exfil.rego"] = []byte("package annexa.user.exfil\n\nleak := http.send({\"method\": \"GET\", \"url\": \"http://example.com\"})\n")
				var buf bytes.Buffer
				if err := writePolicyBundle(&buf, pf, "annexa test"); err != nil {
					t.Fatal(err)
				}
				a.Files[FilePolicies] = buf.Bytes()
				fixManifest(t, a)
				resign(t, a, nil)
			}, want: []string{"replay could not run", "http.send"}},
		{name: "replayed findings differ from the signed report", opts: VerifyOptions{Replay: testReplay},
			mutate: func(t *testing.T, a *Archive) {
				// Edit the bytes, not a re-encoding, so only one message
				// differs; the summary, which verify checks without a
				// replay, still matches.
				r := a.Files[FileReport]
				at := bytes.Index(r, []byte(`"message": "`)) + len(`"message": "`)
				a.Files[FileReport] = slices.Concat(r[:at], []byte(`nothing to see: `), r[at:])
				fixManifest(t, a)
				resign(t, a, nil)
			}, want: []string{`replay differs from the recorded report: findings[`, `.message: recorded "nothing to see: `}, only: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustRead(t, base)
			if tt.mutate != nil {
				tt.mutate(t, a)
			}
			// Through bytes again, as a verifier would see it.
			a = mustRead(t, tarGz(t, entriesOf(a)))
			key := cmpOr(tt.key, "annexa-test")
			opts := tt.opts
			if opts.Now.IsZero() {
				opts.Now = effective.Add(time.Hour)
			}
			_, err := Verify(context.Background(), a, loadVerifier(t, key), opts)
			t.Log(err)
			var ve *VerificationError
			if !errors.As(err, &ve) {
				t.Fatalf("Verify: %v (%T), want a VerificationError", err, err)
			}
			if tt.only > 0 && len(ve.Problems) != tt.only {
				t.Errorf("%d problems, want %d: %v", len(ve.Problems), tt.only, ve.Problems)
			}
			for _, w := range tt.want {
				if !strings.Contains(ve.Error(), w) {
					t.Errorf("error %q does not say %q", ve.Error(), w)
				}
			}
		})
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TestHostileArchives: archives that are not what annexa writes are refused
// while reading, in memory, before any check.
func TestHostileArchives(t *testing.T) {
	base, _ := bundlesForTest(t)
	good := entriesOf(mustRead(t, base))
	with := func(extra ...entry) []byte { return tarGz(t, append(slices.Clone(good), extra...)) }
	tests := []struct {
		name       string
		archive    func() []byte
		lim        Limits
		wantFormat bool
		want       string
	}{
		{name: "path traversal", archive: func() []byte { return with(regular("../evil.sh", []byte("x"))) },
			want: `entry "../evil.sh" climbs out of the bundle`},
		{name: "nested path traversal", archive: func() []byte { return with(regular("a/../../evil.sh", []byte("x"))) },
			want: `entry "a/../../evil.sh" climbs out of the bundle`},
		{name: "absolute path", archive: func() []byte { return with(regular("/etc/cron.d/evil", []byte("x"))) },
			want: `entry "/etc/cron.d/evil" has an absolute path`},
		{name: "symlink", archive: func() []byte {
			return with(entry{hdr: tar.Header{Name: "report2.json", Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"}})
		}, want: `entry "report2.json" is a symbolic link (to "/etc/passwd")`},
		{name: "hard link", archive: func() []byte {
			return with(entry{hdr: tar.Header{Name: "report2.json", Typeflag: tar.TypeLink, Linkname: "report.json"}})
		}, want: `entry "report2.json" is a hard link`},
		{name: "directory", archive: func() []byte {
			return with(entry{hdr: tar.Header{Name: "sub/", Typeflag: tar.TypeDir, Mode: 0o755}})
		}, want: `entry "sub/" is a directory`},
		{name: "device", archive: func() []byte {
			return with(entry{hdr: tar.Header{Name: "dev", Typeflag: tar.TypeChar}})
		}, want: `entry "dev" has tar type`},
		{name: "duplicate entry", archive: func() []byte { return with(regular(FileReport, []byte("{}"))) },
			want: `entry "report.json" appears twice`},
		{name: "dot path", archive: func() []byte { return with(regular("./report.json", []byte("{}"))) },
			want: `entry "./report.json" is not a clean relative path`},
		{name: "truncated", wantFormat: true, want: "archive is truncated", archive: func() []byte {
			return base[:len(base)*2/3]
		}},
		{name: "truncated in the gzip trailer", wantFormat: true, want: "truncated", archive: func() []byte {
			return base[:len(base)-4]
		}},
		{name: "not gzip", wantFormat: true, want: "not a gzip-compressed archive", archive: func() []byte {
			return []byte(`{"this": "is json"}`)
		}},
		{name: "gzip of something else", wantFormat: true, want: "not a readable tar", archive: func() []byte {
			var buf bytes.Buffer
			gz := gzip.NewWriter(&buf)
			io.WriteString(gz, strings.Repeat("hello, not a tar file\n", 100))
			gz.Close()
			return buf.Bytes()
		}},
		{name: "entry over the limit", wantFormat: true, lim: Limits{MaxEntryBytes: 4 << 10},
			want: `entry "facts.json" is`, archive: func() []byte { return base }},
		{name: "gzip bomb", wantFormat: true, lim: Limits{MaxTotalBytes: 1 << 20},
			want: "decompresses to more than 1048576 bytes (a gzip bomb?)", archive: func() []byte {
				return tarGz(t, []entry{regular("bomb", make([]byte, 64<<20))})
			}},
		{name: "gzip bomb of zero blocks", wantFormat: true, lim: Limits{MaxTotalBytes: 1 << 20},
			want: "gzip bomb", archive: func() []byte {
				var buf bytes.Buffer
				gz := gzip.NewWriter(&buf)
				gz.Write(make([]byte, 64<<20))
				gz.Close()
				return buf.Bytes()
			}},
		{name: "too many entries", wantFormat: true, lim: Limits{MaxEntries: 3},
			want: "more than 3 entries", archive: func() []byte { return base }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadArchive(bytes.NewReader(tt.archive()), tt.lim)
			t.Log(err)
			var fe *FormatError
			var ve *VerificationError
			switch {
			case tt.wantFormat && !errors.As(err, &fe):
				t.Fatalf("ReadArchive: %v (%T), want a FormatError", err, err)
			case !tt.wantFormat && !errors.As(err, &ve):
				t.Fatalf("ReadArchive: %v (%T), want a VerificationError", err, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

// TestNoSecretInBundle searches every byte of a bundle, every file of the
// nested policy bundle and the decoded signed statement for the plan's
// sensitive values.
func TestNoSecretInBundle(t *testing.T) {
	plan, err := os.ReadFile(testPlan)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if !bytes.Contains(plan, []byte(s)) {
			t.Fatalf("%s no longer holds %q; the test would prove nothing", testPlan, s)
		}
	}
	base, _ := bundlesForTest(t)
	a := mustRead(t, base)
	blobs := map[string][]byte{}
	for p, b := range a.Files {
		blobs[p] = b
	}
	nested, err := readOPATarball(a.Files[FilePolicies])
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range nested {
		blobs[FilePolicies+"!"+p] = b
	}
	var env struct{ Payload string }
	if err := json.Unmarshal(a.Files[FileDSSE], &env); err != nil {
		t.Fatal(err)
	}
	payload, err := base64.StdEncoding.DecodeString(env.Payload)
	if err != nil {
		t.Fatal(err)
	}
	blobs["signed statement"] = payload
	if len(nested) < 10 {
		t.Fatalf("nested policy bundle has only %d files; not searched", len(nested))
	}
	for name, b := range blobs {
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s holds the secret %q", name, s)
			}
		}
	}
	if !bytes.Contains(a.Files[FileFacts], []byte(`"password": "(sensitive)"`)) {
		t.Error("facts.json does not show the redacted password; is the fixture still exercised?")
	}
}

// readOPATarball unpacks an OPA bundle tarball (whose entries have leading
// slashes) into memory.
func readOPATarball(b []byte) (map[string][]byte, error) {
	gz, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	out := map[string][]byte{}
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		out[hdr.Name] = data
	}
}

// TestDeterministicContent: the same run gives byte-identical files; only
// the signatures (ECDSA is randomized) and the signing time differ.
func TestDeterministicContent(t *testing.T) {
	signer := loadSigner(t, "annexa-test")
	ev := evidence(t, effective)
	first := mustRead(t, writeBundle(t, ev, signer))
	second := mustRead(t, writeBundle(t, evidence(t, effective), signer))
	for _, p := range subjectFiles {
		if !bytes.Equal(first.Files[p], second.Files[p]) {
			t.Errorf("%s differs between two identical runs", p)
		}
	}
}
