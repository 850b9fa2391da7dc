package aws

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/redact"
)

// SnapshotFormat names the format of a snapshot file; it is the value of
// its "annexa_snapshot" key.
const SnapshotFormat = "aws/v1"

// SnapshotName is the provider name of facts read from a snapshot file.
const SnapshotName = "aws-snapshot"

// Snapshot is the facts of one account as collected at one time, redacted,
// to be evaluated later and offline (`annexa check --snapshot FILE`).
type Snapshot struct {
	// Format is SnapshotFormat.
	Format      string    `json:"annexa_snapshot"`
	AccountID   string    `json:"account_id"`
	Partition   string    `json:"partition"`
	Regions     []string  `json:"regions"`
	CollectedAt time.Time `json:"collected_at"`
	// NotAssessed lists the services that could not be read, and why.
	NotAssessed []NotAssessed `json:"not_assessed,omitempty"`
	// Calls lists the API operations (as IAM actions) the collection made.
	Calls []string     `json:"calls"`
	Facts []facts.Fact `json:"facts"`
}

// Write writes the snapshot as indented JSON.
func (s *Snapshot) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	return nil
}

// IsSnapshotHead reports whether the start of a file is a snapshot.
func IsSnapshotHead(head []byte) bool {
	return bytes.Contains(head, []byte(`"annexa_snapshot"`))
}

// SnapshotProvider reads a snapshot file written by `annexa collect aws`.
type SnapshotProvider struct {
	// MaxBytes bounds the file's size; zero means input.DefaultMaxBytes.
	MaxBytes int64
}

// FactKinds is the kinds of fact a snapshot gives (providers.Kinded).
func (SnapshotProvider) FactKinds() []string { return []string{facts.KindResource} }

// Collect implements providers.Provider: the snapshot's facts, each with
// the snapshot file as its source, and a warning for every service the
// collection could not read.
func (p SnapshotProvider) Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	s, err := ReadSnapshot(ctx, path, p.MaxBytes)
	if err != nil {
		return nil, diag.FromError(err, SnapshotName)
	}
	var ds diag.Diagnostics
	for _, n := range s.NotAssessed {
		where := n.Service
		if n.Region != "" {
			where += " in " + n.Region
		}
		ds = append(ds, diag.Diagnostic{
			Severity: diag.Warning, File: path, Source: SnapshotName,
			Summary: fmt.Sprintf("AWS %s was not assessed when the snapshot was collected: %s", where, n.Reason),
		})
	}
	return s.Facts, ds
}

// ReadSnapshot reads and checks a snapshot file. Every fact's source
// becomes the file, so findings point at it.
func ReadSnapshot(ctx context.Context, path string, maxBytes int64) (*Snapshot, error) {
	data, err := input.ReadFileContext(ctx, path, maxBytes)
	if err != nil {
		return nil, err
	}
	data, err = input.CheckText(path, data)
	if err != nil {
		return nil, err
	}
	var s Snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return nil, input.JSONError(path, data, fmt.Errorf("field %q: expected %s, found a JSON %s", te.Field, te.Type, te.Value))
		}
		return nil, input.JSONError(path, data, err)
	}
	switch {
	case s.Format == "":
		return nil, fmt.Errorf("%s: not an annexa snapshot: no \"annexa_snapshot\" field; write one with `annexa collect aws --out FILE`", path)
	case s.Format != SnapshotFormat:
		return nil, fmt.Errorf("%s: field \"annexa_snapshot\": unknown snapshot format %q (this annexa reads %q)", path, s.Format, SnapshotFormat)
	case s.AccountID == "":
		return nil, fmt.Errorf("%s: field \"account_id\": missing", path)
	case s.CollectedAt.IsZero():
		return nil, fmt.Errorf("%s: field \"collected_at\": missing", path)
	}
	// A snapshot is redacted when written; it is redacted again when read,
	// as any input is, in case it was edited or written by another tool.
	r := redact.New(nil)
	for i := range s.Facts {
		f := &s.Facts[i]
		if f.Kind != facts.KindResource {
			return nil, fmt.Errorf("%s: facts[%d]: kind %q: a snapshot holds resource facts only", path, i, f.Kind)
		}
		f.Source = facts.Source{Provider: SnapshotName, File: path}
		res := r.Object(f.Attributes, nil)
		f.Attributes = res.Attributes
		if len(res.Sensitive) > 0 {
			f.Sensitive = slices.Compact(slices.Sorted(slices.Values(append(f.Sensitive, res.Sensitive...))))
		}
		for p, rule := range res.Detected {
			if f.Detected == nil {
				f.Detected = map[string]string{}
			}
			f.Detected[p] = rule
		}
	}
	return &s, nil
}
