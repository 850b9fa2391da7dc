package aws

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

// planProvider is the provider name of facts from a Terraform plan
// (tfplan.Name; this package does not import the plan provider).
const planProvider = "terraform-plan"

// Inventory counts, in a run that reads both Terraform plans and a live
// account (or its snapshot), the account's resources that no plan of the
// run manages, matched by type and cloud id. They are not drift: another
// state file, or none, may manage them. The count is a warning, by type;
// a run without both kinds of source gives none.
func Inventory(fs []facts.Fact) diag.Diagnostics {
	planned := map[string]bool{}
	var live []*facts.Fact
	for i := range fs {
		f := &fs[i]
		if f.Kind != facts.KindResource || f.Mode != facts.ModeManaged {
			continue
		}
		id, ok := f.Attributes["id"].(string)
		if !ok {
			continue
		}
		switch f.Source.Provider {
		case planProvider:
			planned[f.Type+"\x00"+id] = true
		case Name, SnapshotName:
			live = append(live, f)
		}
	}
	if len(planned) == 0 || len(live) == 0 {
		return nil
	}
	byType := map[string]int{}
	n := 0
	for _, f := range live {
		if !planned[f.Type+"\x00"+f.Attributes["id"].(string)] {
			byType[f.Type]++
			n++
		}
	}
	if n == 0 {
		return nil
	}
	var parts []string
	for _, t := range slices.Sorted(maps.Keys(byType)) {
		parts = append(parts, fmt.Sprintf("%s %d", t, byType[t]))
	}
	return diag.Diagnostics{{
		Severity: diag.Warning, Source: Name,
		Summary: fmt.Sprintf("inventory: %d of the %d resources of the AWS account are managed by no plan of this run (%s)", n, len(live), strings.Join(parts, ", ")),
		Detail:  "they are not drift: other state files, or none, may manage them; check their plans too, or bring them under Terraform",
	}}
}
