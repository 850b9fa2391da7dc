package bundles

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/waiver"
)

// Names of the files in a bundle.
const (
	FileVerify   = "VERIFY.md"
	FileFacts    = "facts.json"
	FileReport   = "report.json"
	FilePolicies = "policies.tar.gz"
	FileManifest = "manifest.json"
	FileDSSE     = "annexa.dsse.json"
	FileSigstore = "annexa.sigstore.json"
)

// signatureFiles are the files that carry the signature rather than being
// covered by it.
var signatureFiles = []string{FileDSSE, FileSigstore}

// Format identifies the bundle layout; a reader refuses layouts it does not know.
const Format = "annexa.dev/evidence-bundle/v1"

// PredicateType is the in-toto predicate type of annexa's statement. It is
// what `cosign verify-blob-attestation --type` is given.
const PredicateType = "https://annexa.dev/attestation/evidence-bundle/v1"

// Media and payload types of the signature files.
const (
	PayloadType         = "application/vnd.in-toto+json"
	SigstoreBundleMedia = "application/vnd.dev.sigstore.bundle.v0.3+json"
	// EmptyTrustedRoot is the trusted root cosign v2 needs for
	// --new-bundle-format when the trust comes from --key alone.
	EmptyTrustedRoot = `{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1"}`
)

// FileInfo is one file's path, size and digest.
type FileInfo struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

func fileInfo(path string, b []byte) FileInfo {
	return FileInfo{Path: path, Size: int64(len(b)), SHA256: sha256Hex(b)}
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Manifest is manifest.json: what was run and every file it produced.
type Manifest struct {
	Format        string      `json:"format"`
	Tool          engine.Tool `json:"tool"`
	EffectiveTime time.Time   `json:"effective_time"`
	// Inputs are the files the facts came from (a plan, …), as named on
	// the command line, with their digests at the time the bundle was written.
	Inputs []FileInfo `json:"inputs"`
	// PolicySources name the policy trees evaluated: "built-in" and each
	// --policy directory as given.
	PolicySources []string `json:"policy_sources"`
	// Files lists every file of the bundle except manifest.json itself and
	// the signature files, sorted by path.
	Files []FileInfo `json:"files"`
}

// Predicate is the predicate of the signed in-toto statement: the run's
// metadata and its summary, so the signature alone says what was evaluated.
type Predicate struct {
	Format string `json:"format"`
	// ReportFormat is the engine.ReportFormat the recorded report was made
	// with; 0 in bundles from before reports were versioned (format 1).
	ReportFormat  int            `json:"report_format,omitempty"`
	Tool          engine.Tool    `json:"tool"`
	EffectiveTime time.Time      `json:"effective_time"`
	SignedAt      time.Time      `json:"signed_at"`
	Inputs        []FileInfo     `json:"inputs"`
	PolicySources []string       `json:"policy_sources"`
	Summary       engine.Summary `json:"summary"`
	// BuiltinPolicies is the engine.TreeDigest of the built-in policy tree
	// evaluated (as policies.tar.gz records it), so a verifier can say
	// whether its own built-in policies are the ones that made the report;
	// empty in bundles from before it was recorded.
	BuiltinPolicies string `json:"builtin_policies_sha256,omitempty"`
	// EvalTimeout is the time limit each policy's evaluation had (a Go
	// duration); a replay evaluates under the same limit. Empty in bundles
	// from before it was recorded, which replay under the default.
	EvalTimeout string `json:"eval_timeout,omitempty"`
	// Selection is what the run was narrowed to (--control, --policy-id
	// and their skips), absent when it evaluated everything: a verifier
	// must see that controls were left out, and a replay applies it.
	Selection *engine.Selection `json:"selection,omitempty"`
	// Waivers are the waivers the run applied (from a waivers file and
	// inline suppressions), each with what it did, absent without any: a
	// verifier sees which findings were accepted, by whom and until when,
	// and a replay applies the same waivers.
	Waivers []waiver.Result `json:"waivers,omitempty"`
}

// BuiltinSource is how manifests name the built-in policy tree.
const BuiltinSource = "built-in"

// RecordedReportFormat is the report format a predicate records, 1 for a
// bundle from before the field existed.
func (p *Predicate) RecordedReportFormat() int {
	if p.ReportFormat == 0 {
		return 1
	}
	return p.ReportFormat
}
