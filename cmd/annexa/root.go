package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/termsafe"
)

// Exit codes, as documented in the README.
const (
	exitOK      = 0
	exitFailed  = 1 // findings at or above --fail-on, failing tests
	exitUsage   = 2 // bad flags, unreadable or invalid input, policy errors
	programName = "annexa"
)

// exitError carries an exit code out of a command. A nil err means the
// command already said everything it had to say.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// inputError marks err as a usage or input problem (exit 2).
func inputError(err error) error { return &exitError{code: exitUsage, err: err} }

// streams are the writers a command prints to; tests inject buffers.
type streams struct {
	out, err io.Writer
}

// run executes the CLI and returns the process exit code.
//
// Everything it prints passes through termsafe: names and messages come
// from input, and a control sequence in one must not rewrite the
// terminal's lines.
func run(ctx context.Context, args []string, rawStdout, rawStderr io.Writer) int {
	stdout, stderr := &termsafe.Writer{W: rawStdout}, &termsafe.Writer{W: rawStderr}
	defer stdout.Flush()
	defer stderr.Flush()
	root := newRootCommand(streams{out: stdout, err: stderr})
	var prof cpuProfile
	prof.addFlags(root)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if perr := prof.stop(); perr != nil && err == nil {
		err = inputError(perr)
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", programName, ee.err)
		}
		return ee.code
	}
	// Anything cobra itself rejects (unknown flag, wrong arguments) is usage.
	fmt.Fprintf(stderr, "%s: %v\nRun '%s --help' for usage.\n", programName, err, root.CommandPath())
	return exitUsage
}

func newRootCommand(s streams) *cobra.Command {
	root := &cobra.Command{
		Use:   programName,
		Short: "Policy-as-code for ISO/IEC 27001:2022",
		Long: `annexa evaluates facts gathered from Terraform plans and Terraform source,
live AWS accounts and their snapshots, declared evidence, Kubernetes
manifests, configuration files and external provider programs with Rego
policies mapped to ISO/IEC 27002:2022 controls, and reports the status of
every Annex A control.

Exit codes: 0 ok, 1 findings at or above --fail-on (or failing policy tests),
2 usage or input error.`,
		Example: `  # Gate a Terraform plan in CI
  terraform show -json tfplan > tfplan.json
  annexa check --plan tfplan.json --fail-on high

  # See what policies see
  annexa facts --plan tfplan.json`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       toolVersion(),
	}
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.SetVersionTemplate("annexa {{.Version}}\n")
	root.AddCommand(
		newCheckCommand(s),
		newSoACommand(s),
		newRiskCommand(s),
		newFactsCommand(s),
		newCollectCommand(s),
		newControlsCommand(s),
		newPolicyCommand(s),
		newEvidenceCommand(s),
		newVersionCommand(s),
		newKeygenCommand(s),
		newVerifyCommand(s),
		newBundleCommand(s),
	)
	return root
}

// toolVersion is the module version the binary was built from, or "devel".
func toolVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
