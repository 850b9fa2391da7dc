package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/sigstore/sigstore/pkg/signature"

	"github.com/annexa-dev/annexa/bundles"
	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers/input"
)

// maxBaselineBytes bounds a JSON report read as a baseline.
const maxBaselineBytes = 256 << 20

// ReadBaseline reads a previous run to gate against (--baseline): a JSON
// report (--format json), or an evidence bundle, which is verified with
// key first (signature, every digest, the signed claims; not its age) so
// that a gate never trusts a tampered baseline. A bundle without a key is
// an error.
func ReadBaseline(ctx context.Context, path string, key signature.Verifier, keyName string) (*engine.Baseline, error) {
	data, err := input.ReadFile(path, maxBaselineBytes)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	report := data
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		if key == nil {
			return nil, fmt.Errorf("baseline %s is an evidence bundle: give the public key it is verified with, --baseline-key cosign.pub", path)
		}
		a, err := ReadBundle(path)
		if err != nil {
			return nil, fmt.Errorf("baseline: %w", err)
		}
		if _, err := bundles.Verify(ctx, a, key, bundles.VerifyOptions{KeyName: keyName}); err != nil {
			var ve *bundles.VerificationError
			if errors.As(err, &ve) {
				return nil, fmt.Errorf("baseline %s does not verify: %w", path, err)
			}
			return nil, fmt.Errorf("baseline %s: %w", path, err)
		}
		report = a.Files[bundles.FileReport]
	} else if key != nil {
		return nil, fmt.Errorf("--baseline-key verifies a bundle, and baseline %s is not one (a JSON report is read as it is)", path)
	}
	var r struct {
		FormatVersion *int                   `json:"format_version"`
		Findings      []engine.Finding       `json:"findings"`
		Controls      []engine.ControlResult `json:"controls"`
	}
	if err := json.Unmarshal(report, &r); err != nil {
		return nil, fmt.Errorf("baseline: %w", input.JSONError(path, report, err))
	}
	if r.FormatVersion == nil || r.Controls == nil {
		return nil, fmt.Errorf("baseline %s: not an annexa report (no format_version or controls); write one with --format json=FILE", path)
	}
	return engine.NewBaseline(path, &engine.Report{Findings: r.Findings, Controls: r.Controls}), nil
}
