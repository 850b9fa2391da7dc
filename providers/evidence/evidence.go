// Package evidence reads declared evidence records: the YAML or JSON files in
// which an organisation states what no machine can observe (its policies,
// registers of assets, people and suppliers, and the records of trainings,
// reviews, tests and audits). Each record becomes one fact of kind
// "evidence" whose type is the record's kind.
package evidence

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/diag"

	"github.com/agnivade/levenshtein"

	"github.com/annexa-dev/annexa/internal/parallel"
	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/redact"
)

// Name is the provider name recorded in each fact's source.
const Name = "evidence"

// ArtifactsDir names directories whose files are artifacts that records
// point at, never records themselves.
const ArtifactsDir = "artifacts"

//go:embed schemas/*.json
var schemaFS embed.FS

const schemaBase = "https://annexa.dev/schemas/evidence/"

// sharedSchemas names the schema files that are parts of every kind's
// schema, not kinds of their own.
func sharedSchemas() []string { return []string{"defs"} }

// Provider reads an evidence directory (or a single record file).
type Provider struct {
	// MaxBytes bounds one record file; zero means input.DefaultMaxBytes.
	MaxBytes int64
	// Exclude are --exclude globs: files and directories below a
	// directory of records that are passed over (input.Excluded).
	Exclude []string
}

// WithExclude implements providers.Excluding.
func (p Provider) WithExclude(globs []string) providers.Provider {
	p.Exclude = globs
	return p
}

// Kinds lists the record kinds the provider knows, sorted.
func Kinds() ([]string, error) {
	s, err := compileSchemas()
	if err != nil {
		return nil, err
	}
	return slices.Sorted(maps.Keys(s)), nil
}

// Schema returns the JSON Schema of a record kind, for documentation.
func Schema(kind string) ([]byte, error) {
	return fs.ReadFile(schemaFS, "schemas/"+kind+".json")
}

func compileSchemas() (input.Schemas, error) {
	all, err := input.CompileSchemas(schemaFS, "schemas", schemaBase)
	if err != nil {
		return nil, fmt.Errorf("evidence schemas: %w", err)
	}
	for _, s := range sharedSchemas() {
		delete(all, s)
	}
	return all, nil
}

// FactKinds is the kinds of fact evidence records gives (providers.Kinded).
func (Provider) FactKinds() []string { return []string{facts.KindEvidence} }

// Collect implements providers.Provider: the facts of path, or the error that stopped it as a diagnostic.
func (p Provider) Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	fs, err := p.collect(ctx, path)
	return fs, diag.FromError(err, Name)
}

// collect reads every record under path: a directory, walked recursively
// (hidden directories and artifacts/ directories skipped), or one file.
func (p Provider) collect(ctx context.Context, path string) ([]facts.Fact, error) {
	schemas, err := compileSchemas()
	if err != nil {
		return nil, err
	}
	controls, err := catalog.Builtin()
	if err != nil {
		return nil, err
	}
	root, files, err := recordFiles(path, p.Exclude)
	if err != nil {
		return nil, err
	}
	c := &collector{
		provider: p,
		root:     root,
		schemas:  schemas,
		controls: controls,
		redactor: redact.New(nil),
	}
	// The files are read on every CPU (an organisation's registers can be
	// megabytes each), then taken in order: a record declared twice, or
	// the first error, is reported as a reading of one file after another
	// would report it.
	read := make([]fileRecords, len(files))
	parallel.ForEach(len(files), runtime.GOMAXPROCS(0), func(i int) {
		if ctx.Err() == nil {
			read[i] = c.readFile(files[i])
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	seen := map[string]string{}
	var all []facts.Fact
	for _, r := range read {
		for _, d := range r.declared {
			if prev, dup := seen[d.key]; dup {
				return nil, fmt.Errorf("%s: %s %s is already declared at %s", d.where, d.kind, d.id, prev)
			}
			seen[d.key] = d.where
		}
		if r.err != nil {
			return nil, r.err
		}
		all = append(all, r.facts...)
	}
	facts.Sort(all)
	return all, nil
}

// recordFiles returns the evidence root (the directory artifacts must stay
// inside) and the record files under path, sorted.
func recordFiles(path string, exclude []string) (string, []string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", nil, fmt.Errorf("read evidence %s: %w", path, errors.Unwrap(err))
	}
	if !st.IsDir() {
		if !isRecordFile(path) {
			return "", nil, fmt.Errorf("read evidence %s: expected a directory of records or a .yaml, .yml or .json record file", path)
		}
		return filepath.Dir(path), []string{path}, nil
	}
	files, err := input.WalkFiles(path, "evidence", func(name string) bool { return name == ArtifactsDir }, isRecordFile, exclude)
	if err != nil {
		return "", nil, err
	}
	if len(files) == 0 {
		return "", nil, fmt.Errorf("read evidence %s: no .yaml, .yml or .json record files", path)
	}
	return path, files, nil
}

func isRecordFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// collector holds what reading any record file needs; it is read by the
// goroutines reading files, never written.
type collector struct {
	provider Provider
	root     string
	schemas  input.Schemas
	controls *catalog.Catalog
	redactor *redact.Redactor
}

// fileRecords is what reading one record file gave: the facts of its
// records up to the first error, if any; the records declared, which are
// those and the one in error, when the error came after its kind and id
// were read; and the error.
type fileRecords struct {
	facts    []facts.Fact
	declared []declaration
	err      error
}

// declaration is where a record of a kind and id was declared.
type declaration struct {
	key, kind, id, where string
}

func (c *collector) readFile(file string) fileRecords {
	var r fileRecords
	r.err = c.readRecords(file, &r)
	return r
}

// readRecords adds the facts of the records of file to r, and returns the
// first error. A record declared twice, in this file or another, is found
// when the files are taken together.
func (c *collector) readRecords(file string, r *fileRecords) error {
	data, err := input.ReadFile(file, c.provider.MaxBytes)
	if err != nil {
		return err
	}
	docs, err := input.DecodeYAML(file, data, input.DecodeLimits{})
	if err != nil {
		return err
	}
	for di := range docs {
		doc := &docs[di]
		switch v := doc.Value.(type) {
		case map[string]any:
			if err := c.addRecord(r, doc, "", v); err != nil {
				return err
			}
		case []any:
			for i, item := range v {
				rec, ok := item.(map[string]any)
				pointer := fmt.Sprintf("/%d", i)
				if !ok {
					return fmt.Errorf("%s: expected an evidence record (a mapping with kind, id, controls, owner), found %s", doc.Where(pointer), input.Describe(item))
				}
				if err := c.addRecord(r, doc, pointer, rec); err != nil {
					return err
				}
			}
		default:
			return fmt.Errorf("%s: expected an evidence record (a mapping with kind, id, controls, owner) or a list of them, found %s", doc.Where(""), input.Describe(doc.Value))
		}
	}
	return nil
}

// addRecord adds the fact of one record to r.
func (c *collector) addRecord(r *fileRecords, doc *input.Document, pointer string, rec map[string]any) error {
	kind, _ := rec["kind"].(string)
	id, _ := rec["id"].(string)
	label := "evidence record"
	if id != "" {
		label += " " + id
	}
	if kind == "" {
		return fmt.Errorf("%s: %s has no kind (one of %s)", doc.Where(pointer), label, strings.Join(slices.Sorted(maps.Keys(c.schemas)), ", "))
	}
	schema, ok := c.schemas[kind]
	if !ok {
		msg := fmt.Sprintf("%s: %s: unknown kind %q", doc.Where(pointer+"/kind"), label, kind)
		if near := closest(kind, slices.Sorted(maps.Keys(c.schemas))); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		return errors.New(msg + " (`annexa evidence kinds` lists them)")
	}
	if err := doc.Validate(schema, pointer, label); err != nil {
		return err
	}
	for i, ctl := range rec["controls"].([]any) {
		if !c.controls.Has(ctl.(string)) {
			return fmt.Errorf("%s: %s: controls: %q is not an ISO/IEC 27002:2022 control", doc.Where(fmt.Sprintf("%s/controls/%d", pointer, i)), label, ctl)
		}
	}
	key := kind + "/" + id
	where := doc.Where(pointer)
	r.declared = append(r.declared, declaration{key: key, kind: kind, id: id, where: where})

	// rec is this record's own, read no more: the redacted attributes may
	// share its maps instead of copying them.
	attrs := c.redactor.ObjectOwned(rec, nil).Attributes
	if err := normalizeDates(doc, pointer, label, attrs); err != nil {
		return err
	}
	due, err := dueDate(attrs)
	if err != nil {
		return fmt.Errorf("%s: %s: %w", doc.Where(pointer), label, err)
	}
	if due != "" {
		attrs["due"] = due
	}
	if a, ok := attrs["artifact"].(map[string]any); ok {
		art, err := c.artifact(doc, pointer+"/artifact", label, a)
		if err != nil {
			return err
		}
		attrs["artifact"] = art
	}
	r.facts = append(r.facts, facts.Fact{
		Kind:       facts.KindEvidence,
		Source:     facts.Source{Provider: Name, File: doc.File, Line: doc.Pos(pointer).Line},
		ID:         key,
		Type:       kind,
		Attributes: attrs,
	})
	return nil
}

// artifact checks that the file a record points at is inside the evidence
// directory, and records its digest and size.
func (c *collector) artifact(doc *input.Document, pointer, label string, a map[string]any) (map[string]any, error) {
	rel := a["path"].(string)
	if filepath.IsAbs(rel) {
		return nil, fmt.Errorf("%s: %s: artifact path %q must be relative to the record file", doc.Where(pointer+"/path"), label, rel)
	}
	full := filepath.Join(filepath.Dir(doc.File), filepath.FromSlash(rel))
	if !lexicallyWithin(c.root, full) {
		return nil, fmt.Errorf("%s: %s: artifact %s is outside the evidence directory %s", doc.Where(pointer+"/path"), label, rel, c.root)
	}
	inRoot, err := within(c.root, full)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: artifact %s: %w", doc.Where(pointer+"/path"), label, rel, err)
	}
	if !inRoot {
		return nil, fmt.Errorf("%s: %s: artifact %s is outside the evidence directory %s", doc.Where(pointer+"/path"), label, rel, c.root)
	}
	sum, size, err := digest(full)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: artifact %s: %w", doc.Where(pointer+"/path"), label, rel, err)
	}
	if want, ok := a["sha256"].(string); ok && want != sum {
		return nil, fmt.Errorf("%s: %s: artifact %s has sha256 %s, but the record declares %s; the file changed since the record was written", doc.Where(pointer+"/sha256"), label, rel, sum, want)
	}
	rootRel, err := filepath.Rel(c.root, full)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: artifact %s: %w", doc.Where(pointer+"/path"), label, rel, err)
	}
	return map[string]any{"path": filepath.ToSlash(rootRel), "sha256": sum, "size": size}, nil
}

func lexicallyWithin(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// within reports whether path, with symbolic links resolved, is inside root.
func within(root, path string) (bool, error) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false, err
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false, errors.Unwrap(err)
	}
	return lexicallyWithin(realRoot, real), nil
}

func digest(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, errors.Unwrap(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", 0, err
	}
	if !st.Mode().IsRegular() {
		return "", 0, errors.New("not a regular file")
	}
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// closest returns the known kind nearest to s by edit distance, if it is
// near enough to be a typo.
func closest(s string, known []string) string {
	best, bestDist := "", len(s)/2+2
	for _, k := range known {
		if d := levenshtein.ComputeDistance(s, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}
