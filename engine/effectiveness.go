package engine

import (
	"math"
	"strings"

	"github.com/annexa-dev/annexa/providers/facts"
)

// Control effectiveness is a number from 0 to 1 that residual risk uses
// (docs/risk.md has the worked rules):
//
//   - automated part, over the policies that read anything but evidence:
//     1 − Σ weight(worst severity of each failing resource) / assessed
//     facts, with weights low 0.25, medium 0.5, high 0.75, critical 1;
//   - declared part, over the policies that read evidence only: 1 when they
//     assessed records and found nothing, else 0;
//   - both present: their mean; one: that one;
//   - a control that is not assessed, not applicable or in error: 0.
//
// Values are kept in thousandths so the arithmetic that follows is exact.

// milli is an effectiveness in thousandths, 0 to 1000.
type milli int

func (m milli) float() float64 { return float64(m) / 1000 }

func toMilli(x float64) milli {
	return milli(math.Round(math.Max(0, math.Min(1, x)) * 1000))
}

// evidenceOnly reports whether a policy reads declared evidence only.
func (p *Policy) evidenceOnly() bool {
	for _, in := range p.Inputs {
		if kind, _, _ := strings.Cut(in, ":"); kind != facts.KindEvidence {
			return false
		}
	}
	return true
}

// controlEffectiveness computes a control's effectiveness from its
// policies and what each of them did; status is the control's status.
func controlEffectiveness(status Status, pols []*Policy, outs []policyOutcome) milli {
	if status != StatusPass && status != StatusFail {
		return 0
	}
	autoAssessed := map[string]bool{}
	worst := map[string]Severity{}
	declAssessed, declFindings := 0, 0
	hasAuto := false
	for i, p := range pols {
		o := outs[i]
		if p.evidenceOnly() {
			declAssessed += len(o.assessed)
			declFindings += len(o.findings)
			continue
		}
		for _, id := range o.assessed {
			autoAssessed[id] = true
		}
		for _, f := range o.findings {
			if f.Severity.Rank() > worst[f.Resource].Rank() {
				worst[f.Resource] = f.Severity
			}
		}
		hasAuto = hasAuto || len(o.assessed) > 0
	}
	var parts []milli
	if hasAuto {
		// A failing resource weighs its worst severity's rank in quarters:
		// low 0.25, medium 0.5, high 0.75, critical 1.
		quarters := 0
		for _, s := range worst {
			quarters += s.Rank()
		}
		parts = append(parts, toMilli(1-float64(quarters)/float64(len(severities)*len(autoAssessed))))
	}
	if declAssessed > 0 {
		if declFindings == 0 {
			parts = append(parts, 1000)
		} else {
			parts = append(parts, 0)
		}
	}
	switch len(parts) {
	case 0:
		return 0
	case 1:
		return parts[0]
	}
	return milli((int(parts[0]) + int(parts[1]) + 1) / 2)
}
