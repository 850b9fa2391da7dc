package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/annexa-dev/annexa/runner"
	"github.com/spf13/cobra"
)

type factsOptions struct {
	sources       sourceOptions
	types         []string
	kinds         []string
	effectiveTime time.Time
}

func newFactsCommand(s streams) *cobra.Command {
	o := &factsOptions{}
	cmd := &cobra.Command{
		Use:   "facts [PATH...] [flags]",
		Short: "Print the normalized, redacted facts that policies see",
		Long: `Print, as a JSON array, the facts annexa collects from the inputs: exactly
what policies see under data.facts (indexed there by kind and type), after
unknown values were marked and sensitive values redacted. Use it to write and
debug policies. The fact model is described in docs/facts.md.`,
		Example: `  annexa facts --plan tfplan.json
  annexa facts testdata/demo --kind evidence
  annexa facts --plan tfplan.json --type aws_s3_bucket --type aws_s3_bucket_public_access_block
  annexa facts --k8s deploy/ --type Deployment
  annexa facts --config /etc/ssh/sshd_config --config toml=app.conf
  annexa facts --tf ./infra --var-file prod.tfvars --type aws_security_group`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.sources.paths = args
			run, err := runner.Resolve(o.sources.inputs(&policyOptions{effectiveTime: o.effectiveTime}))
			if err != nil {
				return inputError(err)
			}
			fs, warnings, err := run.Collect(cmd.Context())
			printDiagnostics(s, warnings)
			if err != nil {
				return inputError(err)
			}
			docs := []map[string]any{}
			for i := range fs {
				if (len(o.types) > 0 && !slices.Contains(o.types, fs[i].Type)) || (len(o.kinds) > 0 && !slices.Contains(o.kinds, fs[i].Kind)) {
					continue
				}
				docs = append(docs, fs[i].Document())
			}
			enc := json.NewEncoder(s.out)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(docs); err != nil {
				return fmt.Errorf("write facts: %w", err)
			}
			return nil
		},
	}
	o.sources.addFlags(cmd)
	cmd.Flags().StringArrayVar(&o.types, "type", nil, "only facts of this type, e.g. aws_s3_bucket or training_record (repeatable)")
	cmd.Flags().StringArrayVar(&o.kinds, "kind", nil, "only facts of this kind: resource, evidence, kubernetes or config (repeatable)")
	cmd.Flags().Var(timeValue{&o.effectiveTime}, "effective-time", "the time external providers are told the run is as of (RFC 3339 or date; default the project's, else now)")
	return cmd
}
