package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sigstore/sigstore/pkg/signature"
	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/bundles"
	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/output"
	"github.com/annexa-dev/annexa/internal/termsafe"
	"github.com/annexa-dev/annexa/runner"
)

// bundleOptions are check's flags for writing a signed evidence bundle.
type bundleOptions struct {
	path string
	key  string
}

func (o *bundleOptions) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.path, "bundle", "", "write a signed evidence bundle (tar.gz) to this file; needs --key")
	f.StringVar(&o.key, "key", "", "cosign private key to sign the evidence bundle with (password from COSIGN_PASSWORD or a terminal prompt)")
	_ = cmd.MarkFlagFilename("bundle", "tar.gz")
	_ = cmd.MarkFlagFilename("key", "key")
	cmd.MarkFlagsRequiredTogether("bundle", "key")
}

// signer loads the signing key, before anything is evaluated, so a wrong
// password fails fast. It returns nil when no bundle is wanted.
func (o *bundleOptions) signer(s streams) (signature.Signer, error) {
	if o.path == "" {
		return nil, nil
	}
	if err := runner.CheckOutputDir(o.path); err != nil {
		return nil, inputError(err)
	}
	pemBytes, err := readKeyFile(o.key)
	if err != nil {
		return nil, inputError(err)
	}
	password, err := readPassword(s, false)
	if err != nil {
		return nil, inputError(err)
	}
	sv, err := bundles.LoadPrivateKey(o.key, pemBytes, password)
	if err != nil {
		return nil, inputError(err)
	}
	return sv, nil
}

func newBundleCommand(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bundle",
		Short: "Work with evidence bundles: inspect one",
		Long: `Evidence bundles are written by ` + "`annexa check --bundle FILE --key cosign.key`" + ` and
verified with ` + "`annexa verify`" + `; see docs/bundles.md.`,
		Example: `  annexa bundle inspect evidence.tar.gz`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return inputError(errors.New("bundle needs a subcommand: inspect"))
		},
	}
	cmd.AddCommand(newBundleInspectCommand(s))
	return cmd
}

func newBundleInspectCommand(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "inspect BUNDLE",
		Short: "Show what an evidence bundle claims, without verifying it",
		Long: `Print who signed an evidence bundle (the key hint), when, what was evaluated
(tool and OPA versions, effective time, inputs, policy sources), the files it
names and the summary. Nothing is verified: anyone can write any of this. Use
` + "`annexa verify BUNDLE --key cosign.pub`" + ` to check it.`,
		Example: `  annexa bundle inspect evidence.tar.gz`,
		Args:    cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			a, err := runner.ReadBundle(args[0])
			if err != nil {
				return inputError(err)
			}
			in, err := bundles.Inspect(a)
			if err != nil {
				return inputError(fmt.Errorf("inspect %s: %w", args[0], err))
			}
			return writeInspection(s.out, args[0], in)
		},
	}
}

const notVerified = "NOT VERIFIED: what the bundle claims about itself; check it with `annexa verify BUNDLE --key cosign.pub`"

func writeInspection(w io.Writer, path string, in *bundles.Inspection) error {
	p := in.Predicate
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", notVerified)
	field(&b, "bundle", path)
	field(&b, "signed by", "key hint "+orNone(in.KeyHint))
	field(&b, "signed at", p.SignedAt.UTC().Format(time.RFC3339))
	field(&b, "predicate", in.PredicateType)
	writeRun(&b, p)
	field(&b, "files", fmt.Sprintf("%d named by the statement", len(in.Subjects)))
	for _, f := range in.Subjects {
		fmt.Fprintf(&b, "%13s%-22s sha256:%s\n", "", f.Path, f.SHA256)
	}
	fmt.Fprintf(&b, "\n%s\n", notVerified)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRun prints the run metadata of a predicate.
func writeRun(b *strings.Builder, p *bundles.Predicate) {
	field(b, "tool", fmt.Sprintf("%s %s, OPA %s", p.Tool.Name, p.Tool.Version, p.Tool.OPAVersion))
	field(b, "report", fmt.Sprintf("format %d", p.RecordedReportFormat()))
	field(b, "effective", p.EffectiveTime.UTC().Format(time.RFC3339))
	if len(p.Inputs) == 0 {
		field(b, "inputs", "none recorded")
	}
	for i, in := range p.Inputs {
		label := ""
		if i == 0 {
			label = "inputs"
		}
		field(b, label, fmt.Sprintf("%s (%d bytes, sha256:%s)", in.Path, in.Size, in.SHA256))
	}
	field(b, "policies", strings.Join(p.PolicySources, ", "))
	if p.EvalTimeout != "" {
		field(b, "time limit", p.EvalTimeout+" per policy (a replay uses it too)")
	}
	if sel := p.Selection; !sel.Empty() {
		text := output.SelectionText(sel)
		if sel.NarrowsControls() {
			text += " (the other controls are not assessed)"
		}
		field(b, "selection", text)
	}
	for i, w := range p.Waivers {
		label := ""
		if i == 0 {
			label = "waivers"
		}
		field(b, label, fmt.Sprintf("%s: %s, %d finding(s); %s%s until %s, approved by %s: %s",
			w.Where(), w.Status, w.Findings, orAll(w.Policy), controlText(w.Control), w.Expires, w.ApprovedBy, w.Reason))
	}
	sm := p.Summary
	if sm.Waived > 0 || sm.ByStatus[engine.StatusWaived] > 0 {
		field(b, "waived", fmt.Sprintf("%d finding(s); %d control(s) implemented with accepted exceptions", sm.Waived, sm.ByStatus[engine.StatusWaived]))
	}
	field(b, "summary", fmt.Sprintf("%d facts, %d policies; %d controls: %d pass, %d fail, %d not assessed, %d error",
		sm.Facts, sm.Policies, sm.Controls, sm.ByStatus[engine.StatusPass], sm.ByStatus[engine.StatusFail],
		sm.ByStatus[engine.StatusNotAssessed], sm.ByStatus[engine.StatusError]))
	field(b, "", fmt.Sprintf("%d findings: %d critical, %d high, %d medium, %d low", sm.Findings,
		sm.BySeverity[engine.SeverityCritical], sm.BySeverity[engine.SeverityHigh],
		sm.BySeverity[engine.SeverityMedium], sm.BySeverity[engine.SeverityLow]))
}

func field(b *strings.Builder, label, value string) {
	fmt.Fprintf(b, "%-12s %s\n", label, termsafe.String(value))
}

func orAll(policy string) string {
	if policy == "" {
		return "every policy"
	}
	return "policy " + policy
}

func controlText(control string) string {
	if control == "" {
		return ""
	}
	return ", control " + control
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
