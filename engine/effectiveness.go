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
//     assessed records and found nothing, else 0 (a missing record is a
//     finding on no record, and makes it 0);
//   - a part counts when its policies assessed a fact or reported a
//     finding; one whose policies did neither (no resources of theirs in
//     the inputs, no evidence declared in the run) is left out;
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
	}
	var parts []milli
	switch {
	case len(autoAssessed) > 0:
		// A failing resource weighs its worst severity's rank in quarters:
		// low 0.25, medium 0.5, high 0.75, critical 1.
		quarters := 0
		for _, s := range worst {
			quarters += s.Rank()
		}
		parts = append(parts, fraction(len(severities)*len(autoAssessed)-quarters, len(severities)*len(autoAssessed)))
	case len(worst) > 0:
		// Findings on nothing the policies assessed leave no fact that
		// works.
		parts = append(parts, 0)
	}
	// The declared part counts when its policies judged anything: a record
	// they assessed, or a finding such as a missing record, which is on no
	// record at all. Evidence that is missing is 0, not left out.
	switch {
	case declFindings > 0:
		parts = append(parts, 0)
	case declAssessed > 0:
		parts = append(parts, 1000)
	}
	switch len(parts) {
	case 0:
		return 0
	case 1:
		return parts[0]
	}
	return milli((int(parts[0]) + int(parts[1]) + 1) / 2)
}

// fraction is num/den in thousandths, rounded half up, kept within 0 to 1;
// den is positive.
func fraction(num, den int) milli {
	num = max(0, min(num, den))
	return milli((2000*num + den) / (2 * den))
}
