package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/atomicfile"
	"github.com/annexa-dev/annexa/providers/aws"
)

type collectOptions struct {
	regions []string
	profile string
	out     string
	// iamPolicy prints the IAM policy the collection needs.
	iamPolicy bool
}

func newCollectCommand(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "collect",
		Short: "Collect facts from a live cloud account into a snapshot",
		Long: `Collect the facts of a live cloud account, read-only, into a snapshot file
that 'annexa check --snapshot FILE' evaluates later and offline. A snapshot
holds the redacted facts with the account id and the collection time.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newCollectAWSCommand(s))
	return cmd
}

func newCollectAWSCommand(s streams) *cobra.Command {
	o := &collectOptions{}
	cmd := &cobra.Command{
		Use:   "aws --out FILE [flags]",
		Short: "Collect an AWS account's facts into a snapshot",
		Long: `Read an AWS account with read-only calls (Describe, Get, List) and write its
facts, in the same Terraform-typed resource model as a plan, as a snapshot.
Credentials and the default region come from the standard AWS chain:
AWS_PROFILE or --profile, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, the
shared config and credentials files, SSO, or the instance role. The IAM
permissions needed are printed by --iam-policy (providers/aws/iam-policy.json
in the source).

A service the credentials may not read, or that is not enabled in a region,
is a warning: its controls stay not assessed, and the run goes on.`,
		Example: `  annexa collect aws --out snapshot.json
  annexa collect aws --region eu-west-1 --region us-east-1 --out snapshot.json
  annexa collect aws --region all --profile audit --out snapshot.json
  annexa collect aws --iam-policy > annexa-readonly.json
  annexa check --snapshot snapshot.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.iamPolicy {
				_, err := s.out.Write(aws.IAMPolicy)
				return err
			}
			if o.out == "" {
				return inputError(fmt.Errorf("--out FILE is required: where to write the snapshot (- for standard output)"))
			}
			var regions []string
			for _, r := range o.regions {
				rs, err := aws.ParseRegions(r)
				if err != nil {
					return inputError(fmt.Errorf("--region %s: %w", r, err))
				}
				regions = append(regions, rs...)
			}
			p := aws.Provider{Regions: regions, Profile: o.profile, Progress: aws.TerminalProgress()}
			snap, ds := p.Snapshot(cmd.Context(), p.Scope(""))
			printDiagnostics(s, ds.Warnings())
			if err := ds.Err(); err != nil {
				return inputError(err)
			}
			write := func(w io.Writer) error { return snap.Write(w) }
			if o.out == "-" {
				return write(s.out)
			}
			if err := atomicfile.Write(o.out, 0o644, write); err != nil {
				return inputError(fmt.Errorf("write snapshot %s: %w", o.out, err))
			}
			fmt.Fprintf(s.err, "%s: wrote %d facts of AWS account %s (%d regions) to %s\n", programName, len(snap.Facts), snap.AccountID, len(snap.Regions), o.out)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.regions, "region", nil, "region to read (repeatable or comma-separated; all: every enabled region; default: the credential chain's region)")
	f.StringVar(&o.profile, "profile", "", "shared-config profile to use (default AWS_PROFILE, else default)")
	f.StringVarP(&o.out, "out", "o", "", "write the snapshot to FILE (- for standard output)")
	f.BoolVar(&o.iamPolicy, "iam-policy", false, "print the IAM policy (read-only) the collection needs, and exit")
	_ = cmd.MarkFlagFilename("out", "json")
	return cmd
}
