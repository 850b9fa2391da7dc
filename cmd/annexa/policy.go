package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/runner"
)

func newPolicyCommand(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "Work with Rego policies: start one, test them, print the sandbox capabilities",
		Example: `  annexa policy new 8.24 s3_owner_tag --input resource:aws_s3_bucket --dir ./my-policies
  annexa policy test ./my-policies -v
  annexa policy capabilities > capabilities.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return inputError(fmt.Errorf("policy needs a subcommand: new, test or capabilities"))
		},
	}
	cmd.AddCommand(newPolicyNewCommand(s), newPolicyTestCommand(s), newPolicyCapabilitiesCommand(s))
	return cmd
}

type policyNewOptions struct {
	dir, input, severity string
}

func newPolicyNewCommand(s streams) *cobra.Command {
	o := &policyNewOptions{}
	cmd := &cobra.Command{
		Use:   "new CONTROL NAME --input KIND:TYPE",
		Short: "Start a policy for a control: METADATA, a deny rule and its tests",
		Long: `Write DIR/c<control>/NAME.rego and NAME_test.rego: a policy in package
annexa.controls.c<control>.NAME with its METADATA filled in from the
catalog (controls, severity, coverage partial, inputs), a deny rule over
the facts of the input with a placeholder criterion (example_setting), the
judged rule (the facts the criterion applies to: only those count as
assessed, and a control passes only when a policy judged something), and a
passing and a failing test. As written, annexa policy test DIR passes;
replace the criterion, what judged leaves out, the title, the description,
the remediation and the test facts with the real ones. annexa facts shows
the attributes a criterion can read.

Existing files are never overwritten.`,
		Example: `  # A check over Terraform resources, as a plan or as .tf source
  annexa policy new 8.24 s3_owner_tag --input resource:aws_s3_bucket --dir ./my-policies

  # Over declared evidence, Kubernetes objects or a configuration file
  annexa policy new 6.3 phishing_drill --input evidence:training_record --dir ./my-policies
  annexa policy new 8.9 pinned_images --input kubernetes:Deployment --severity high
  annexa policy new 8.5 sshd_banner --input config:sshd_config

  # Then
  annexa policy test ./my-policies -v
  annexa check --plan tfplan.json --policy ./my-policies`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, err := engine.New(cmd.Context())
			if err != nil {
				return inputError(err)
			}
			files, err := eng.NewPolicyFiles(engine.Scaffold{
				Control:  args[0],
				Name:     args[1],
				Input:    o.input,
				Severity: engine.Severity(o.severity),
			})
			if err != nil {
				return inputError(err)
			}
			var out []runner.File
			for _, name := range slices.Sorted(maps.Keys(files)) {
				out = append(out, runner.File{Path: filepath.Join(o.dir, filepath.FromSlash(name)), Data: files[name], Mode: 0o644})
			}
			err = runner.WriteFiles(out, false)
			var exists *runner.ExistsError
			if errors.As(err, &exists) {
				return inputError(fmt.Errorf("%s exists; annexa policy new does not overwrite", exists.Path))
			}
			if err != nil {
				return inputError(err)
			}
			for _, f := range out {
				fmt.Fprintf(s.out, "wrote %s\n", f.Path)
			}
			fmt.Fprintf(s.out, "next: replace the placeholder criterion (example_setting), then run annexa policy test %s\n", o.dir)
			return nil
		},
	}
	cmd.Flags().StringVarP(&o.input, "input", "i", "", "the facts the policy reads, KIND:TYPE: resource:aws_s3_bucket, evidence:training_record, kubernetes:Deployment, config:sshd_config")
	cmd.Flags().StringVarP(&o.dir, "dir", "d", "policies", "policy directory to write into")
	cmd.Flags().Var(newEnum(&o.severity, string(engine.SeverityMedium), "low", "medium", "high", "critical"), "severity", "severity of its findings: low|medium|high|critical")
	_ = cmd.MarkFlagRequired("input")
	_ = cmd.MarkFlagDirname("dir")
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
