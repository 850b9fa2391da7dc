package registry

import (
	"fmt"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/applicability"
	"github.com/annexa-dev/annexa/providers/aws"
	"github.com/annexa-dev/annexa/providers/config"
	"github.com/annexa-dev/annexa/providers/evidence"
	"github.com/annexa-dev/annexa/providers/external"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/kubernetes"
	"github.com/annexa-dev/annexa/providers/riskregister"
	"github.com/annexa-dev/annexa/providers/tfplan"
	"github.com/annexa-dev/annexa/providers/tfsource"
)

// TestProvidersDeclareTheirKinds: every built-in provider declares the
// kinds of fact it gives, so that a run of them can leave out the
// policies of the others; an external provider gives what its program
// chooses and declares nothing.
func TestProvidersDeclareTheirKinds(t *testing.T) {
	want := map[string][]string{
		"tfplan":        {facts.KindResource},
		"tfsource":      {facts.KindResource},
		"aws":           {facts.KindResource},
		"snapshot":      {facts.KindResource},
		"evidence":      {facts.KindEvidence},
		"kubernetes":    {facts.KindKubernetes},
		"config":        {facts.KindConfig},
		"applicability": {facts.KindApplicability},
		"riskregister":  {facts.KindRisk, facts.KindRiskSettings},
	}
	provs := map[string]providers.Provider{
		"tfplan": tfplan.Provider{}, "tfsource": tfsource.Provider{}, "aws": aws.Provider{}, "snapshot": aws.SnapshotProvider{},
		"evidence": evidence.Provider{}, "kubernetes": kubernetes.Provider{}, "config": config.Provider{},
		"applicability": applicability.Provider{}, "riskregister": riskregister.Provider{},
	}
	for name, p := range provs {
		k, ok := p.(providers.Kinded)
		if !ok {
			t.Errorf("%s: declares no fact kinds", name)
			continue
		}
		if got := k.FactKinds(); fmt.Sprint(got) != fmt.Sprint(want[name]) {
			t.Errorf("%s: declares %v, want %v", name, got, want[name])
		}
		for _, kind := range k.FactKinds() {
			if !slices.Contains(facts.Kinds(), kind) {
				t.Errorf("%s: declares %q, not a kind of fact", name, kind)
			}
		}
	}
	for _, k := range Kinds() {
		if _, ok := k.Provider.(providers.Kinded); k.Provider != nil && !ok {
			t.Errorf("source kind %s: its provider declares no fact kinds", k.Name)
		}
	}
	if _, ok := any(external.Provider{}).(providers.Kinded); ok {
		t.Error("an external provider declares fact kinds")
	}
}
