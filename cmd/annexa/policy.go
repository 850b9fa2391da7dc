package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
)

func newPolicyCommand(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "Work with Rego policies: test them, print the sandbox capabilities",
		Example: `  annexa policy test ./my-policies -v
  annexa policy capabilities > capabilities.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return inputError(fmt.Errorf("policy needs a subcommand: test or capabilities"))
		},
	}
	cmd.AddCommand(newPolicyTestCommand(s), newPolicyCapabilitiesCommand(s))
	return cmd
}

type policyTestOptions struct {
	verbose bool
	run     string
	timeout time.Duration
}

func newPolicyTestCommand(s streams) *cobra.Command {
	o := &policyTestOptions{}
	cmd := &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run the Rego tests of the built-in policies or of policy directories",
		Long: `Run test_* rules with OPA's tester, compiled against annexa's sandbox (the
same capabilities as evaluation, so a test cannot pass on a built-in that
check would reject). Without DIR the built-in policies are tested; with DIR,
the policies and tests in DIR, with annexa's policy library available as
data.annexa.lib.

Exit codes: 0 all tests pass, 1 a test failed or errored, 2 the policies do
not compile.`,
		Example: `  annexa policy test
  annexa policy test ./policies -v
  annexa policy test ./policies --run 'test_fail_.*'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			results, err := engine.RunPolicyTests(cmd.Context(), engine.TestOptions{Dirs: args, Run: o.run, Timeout: o.timeout})
			if err != nil {
				return inputError(err)
			}
			if len(results) == 0 {
				return inputError(fmt.Errorf("no tests found (test rules are named test_* in *_test.rego files)"))
			}
			ch := make(chan *tester.Result, len(results))
			failed := 0
			for _, r := range results {
				if !r.Pass() {
					failed++
				}
				ch <- r
			}
			close(ch)
			rep := tester.PrettyReporter{Output: s.out, Verbose: o.verbose, FailureLine: true}
			if err := rep.Report(ch); err != nil {
				return fmt.Errorf("report tests: %w", err)
			}
			if failed > 0 {
				return &exitError{code: exitFailed}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "list every test, not only failures")
	cmd.Flags().StringVarP(&o.run, "run", "r", "", "only tests whose name matches this regular expression")
	cmd.Flags().DurationVar(&o.timeout, "timeout", 10*time.Second, "time limit for one test")
	return cmd
}

func newPolicyCapabilitiesCommand(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "capabilities",
		Short: "Print the sandbox capabilities policies are compiled against",
		Long: `Print, as OPA capabilities JSON, the built-ins policies may use: this OPA
version's minus every non-deterministic one (network, environment, clock,
randomness). Pass it to the stock OPA CLI to check policies the same way:
opa check --strict --capabilities policies/capabilities.json policies/`,
		Example: `  annexa policy capabilities > policies/capabilities.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			enc := json.NewEncoder(s.out)
			enc.SetIndent("", "  ")
			return enc.Encode(engine.SandboxCapabilities())
		},
	}
}
