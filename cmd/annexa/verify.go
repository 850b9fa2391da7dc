package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/bundles"
	"github.com/annexa-dev/annexa/internal/termsafe"
	"github.com/annexa-dev/annexa/runner"
)

const verifyLong = `Verify a signed evidence bundle offline against the signer's public key:
both signatures (the DSSE envelope and the sigstore bundle), the in-toto
predicate type, every file's sha256, that no file is missing, extra or
renamed, that the manifest agrees with the files, and that the effective time
is not in the future (nor older than --max-age). With --replay, the recorded
policies (not this binary's) are evaluated again over the recorded facts at the
recorded effective time, and the findings and control statuses must be
identical.

The last line is the verdict: "VERIFIED ..." or "FAILED: ...".

Exit codes: 0 verified, 1 verification failed (the output says what), 2 usage
error or unreadable input (no such file, not a gzip tar, truncated, over a
size limit, or an unreadable key).`

type verifyOptions struct {
	key    string
	replay bool
	maxAge time.Duration
}

func newVerifyCommand(s streams) *cobra.Command {
	o := &verifyOptions{}
	cmd := &cobra.Command{
		Use:   "verify BUNDLE --key cosign.pub [flags]",
		Short: "Verify a signed evidence bundle, and optionally replay its evaluation",
		Long:  verifyLong,
		Example: `  # Signature, digests, completeness
  annexa verify evidence.tar.gz --key cosign.pub

  # Also re-run the recorded policies over the recorded facts; refuse evidence older than 30 days
  annexa verify evidence.tar.gz --key cosign.pub --replay --max-age 720h`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, s, args[0])
		},
	}
	cmd.Flags().StringVar(&o.key, "key", "", "the signer's public key (cosign.pub)")
	cmd.Flags().BoolVar(&o.replay, "replay", false, "re-evaluate the recorded policies over the recorded facts and compare")
	cmd.Flags().DurationVar(&o.maxAge, "max-age", 0, "fail when the effective time is older than this (e.g. 720h); 0 means no limit")
	_ = cmd.MarkFlagRequired("key")
	_ = cmd.MarkFlagFilename("key", "pub")
	return cmd
}

func (o *verifyOptions) run(cmd *cobra.Command, s streams, path string) error {
	if o.maxAge < 0 {
		return inputError(fmt.Errorf("--max-age %s is negative", o.maxAge))
	}
	pemBytes, err := readKeyFile(o.key)
	if err != nil {
		return inputError(err)
	}
	key, err := bundles.LoadPublicKey(o.key, pemBytes)
	if err != nil {
		return inputError(err)
	}
	var b strings.Builder
	field(&b, "bundle", path)
	a, err := runner.ReadBundle(path)
	var ve *bundles.VerificationError
	switch {
	case errors.As(err, &ve):
		return verdictFailed(s.out, &b, ve)
	case err != nil:
		return inputError(err)
	}
	if o.replay {
		// A replay is a run over the recorded facts: its memory is bounded
		// as a run's over that much input is (runner.MemoryBound).
		boundMemory(int64(len(a.Files[bundles.FileFacts])), false)
	}
	res, err := runner.Verify(cmd.Context(), a, key, runner.VerifyOptions{
		KeyName: o.key,
		MaxAge:  o.maxAge,
		Replay:  o.replay,
	})
	var refused *bundles.ReplayRefusedError
	switch {
	case errors.As(err, &ve):
		return verdictFailed(s.out, &b, ve)
	case errors.As(err, &refused):
		writeVerified(&b, res, o.key)
		if _, werr := io.WriteString(s.out, b.String()); werr != nil {
			return werr
		}
		return inputError(err)
	case err != nil:
		return inputError(fmt.Errorf("verify %s: %w", path, err))
	}
	writeVerified(&b, res, o.key)
	verdict := fmt.Sprintf("VERIFIED %s: signed by %s, %d files intact, effective %s", path, o.key,
		len(res.Subjects), res.Manifest.EffectiveTime.UTC().Format(time.RFC3339))
	if res.Replay != nil {
		verdict += ", replay identical"
	}
	fmt.Fprintln(&b, verdict)
	_, err = io.WriteString(s.out, b.String())
	return err
}

func writeVerified(b *strings.Builder, res *bundles.Result, keyFile string) {
	field(b, "signature", fmt.Sprintf("verified with %s (key hint %s): %s and %s", keyFile, res.KeyHint, bundles.FileDSSE, bundles.FileSigstore))
	field(b, "statement", "in-toto v1, predicate "+bundles.PredicateType)
	field(b, "files", fmt.Sprintf("%d signed, every sha256 matches, none missing, extra or renamed", len(res.Subjects)))
	for _, f := range res.Subjects {
		fmt.Fprintf(b, "%13s%-22s %9d  sha256:%s\n", "", termsafe.String(f.Path), f.Size, f.SHA256)
	}
	field(b, "signed at", res.Predicate.SignedAt.UTC().Format(time.RFC3339))
	writeRun(b, res.Predicate)
	writePolicyTree(b, res.Policies)
	if r := res.Replay; r != nil {
		field(b, "replay", fmt.Sprintf("identical: %s re-rendered from %d facts and %d recorded policies", strings.Join(r.Sections, ", "), r.Facts, r.Policies))
		if r.RecordedOPA != r.ReplayedOPA {
			field(b, "", fmt.Sprintf("(recorded with OPA %s, replayed with OPA %s)", r.RecordedOPA, r.ReplayedOPA))
		}
	}
}

// verdictFailed prints the problems (when there are several) and the
// verdict, and exits 1.
func verdictFailed(w io.Writer, b *strings.Builder, ve *bundles.VerificationError) error {
	if len(ve.Problems) > 1 {
		for _, p := range ve.Problems {
			field(b, "problem", p)
		}
	}
	msg := ve.Problems[0]
	if n := len(ve.Problems) - 1; n > 0 {
		msg += fmt.Sprintf(" (and %d more problem(s) above)", n)
	}
	fmt.Fprintf(b, "FAILED: %s\n", termsafe.String(msg))
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return &exitError{code: exitFailed}
}

// writePolicyTree says whether the recorded built-in policies are this
// annexa's own, and which files differ when they are not.
func writePolicyTree(b *strings.Builder, pc *bundles.PolicyTreeCheck) {
	const shown = 10
	switch {
	case pc == nil:
		return
	case pc.Unconfirmed != "":
		field(b, "built-in", fmt.Sprintf("cannot confirm (tree sha256:%s): %s", pc.Digest, pc.Unconfirmed))
	case pc.Same:
		field(b, "built-in", fmt.Sprintf("identical to this annexa's built-in policies (tree sha256:%s)", pc.Digest))
	default:
		var diffs []string
		for _, p := range pc.Changed {
			diffs = append(diffs, p+" (changed)")
		}
		for _, p := range pc.OnlyRecorded {
			diffs = append(diffs, p+" (only in the bundle)")
		}
		for _, p := range pc.OnlyHere {
			diffs = append(diffs, p+" (only in this annexa)")
		}
		field(b, "built-in", fmt.Sprintf("differ from this annexa's built-in policies in %d file(s) (tree sha256:%s): the report was made by other policies than this annexa runs; --replay evaluates the recorded ones", len(diffs), pc.Digest))
		for i, d := range diffs {
			if i == shown {
				field(b, "", fmt.Sprintf("... and %d more", len(diffs)-shown))
				break
			}
			field(b, "", d)
		}
	}
}
