package main

import (
	"fmt"
	"runtime"

	opaversion "github.com/open-policy-agent/opa/v1/version"
	"github.com/spf13/cobra"
)

func newVersionCommand(s streams) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the annexa, OPA and Go versions",
		Example: "  annexa version",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(s.out, "annexa %s\nOPA %s\n%s\n", toolVersion(), opaversion.Version, runtime.Version())
			return err
		},
	}
}
