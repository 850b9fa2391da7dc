package engine

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/policies/catalog"
)

// Band is a risk level on the 1 to 25 scale of likelihood × impact
// (catalog.Band).
type Band = catalog.Band

// Risk bands: low 1-6, medium 7-15, high 16-25 (see catalog.BandOf).
const (
	BandLow    = catalog.BandLow
	BandMedium = catalog.BandMedium
	BandHigh   = catalog.BandHigh
)

// RiskReport is the residual risk of every risk in the register.
type RiskReport struct {
	// Register is the risk register file (files, comma separated).
	Register string `json:"register"`
	RiskSettings
	Risks []RiskResult `json:"risks"`
	// InherentMatrix and ResidualMatrix count the risks in each cell of the
	// 5×5 matrix, indexed [likelihood-1][impact-1].
	InherentMatrix [5][5]int `json:"inherent_matrix"`
	ResidualMatrix [5][5]int `json:"residual_matrix"`
	// Warnings name inputs that are suspect but not wrong, such as a risk
	// mitigated by a control the Statement of Applicability excludes.
	Warnings []string `json:"warnings"`
}

// RiskResult is one risk with its inherent and residual score.
type RiskResult struct {
	ID            string `json:"id"`
	Asset         string `json:"asset"`
	Threat        string `json:"threat"`
	Vulnerability string `json:"vulnerability,omitempty"`
	Owner         string `json:"owner"`
	Treatment     string `json:"treatment"`
	// Source is where the register states the risk (file:line).
	Source       string        `json:"source"`
	Likelihood   int           `json:"likelihood"`
	Impact       int           `json:"impact"`
	Inherent     int           `json:"inherent"`
	InherentBand Band          `json:"inherent_band"`
	Controls     []RiskControl `json:"controls"`
	// Reduction is the combined reduction of the risk by all its
	// controls, R = 1 − Π(1 − strength × effectiveness); the split method
	// uses the two below instead: the reduction of likelihood by the
	// preventive and detective controls, of impact by the corrective ones.
	Reduction           float64  `json:"reduction"`
	LikelihoodReduction *float64 `json:"likelihood_reduction,omitempty"`
	ImpactReduction     *float64 `json:"impact_reduction,omitempty"`
	// ResidualLikelihood and ResidualImpact place the risk in the residual
	// matrix (docs/risk.md says how for the score method).
	ResidualLikelihood int  `json:"residual_likelihood"`
	ResidualImpact     int  `json:"residual_impact"`
	Residual           int  `json:"residual"`
	ResidualBand       Band `json:"residual_band"`
	AboveAppetite      bool `json:"above_appetite"`
	// Accepted is true when the owner's acceptance is valid at the
	// effective time.
	Accepted   bool            `json:"accepted"`
	Acceptance *RiskAcceptance `json:"acceptance,omitempty"`
}

// RiskControl is one mitigating control of a risk as the risk counts it.
type RiskControl struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status Status `json:"status"`
	// Effectiveness is the control's operating effectiveness, measured by
	// the evaluation (ControlResult.Effectiveness).
	Effectiveness float64 `json:"effectiveness"`
	// Strength is the design strength of the link: the share of the risk
	// the control removes when it works fully. StrengthFrom says where it
	// comes from: "register", or "default for" the control's types
	// ("default for preventive/corrective").
	Strength     float64 `json:"strength"`
	StrengthFrom string  `json:"strength_from"`
	// Reduction is strength × effectiveness: the share of the risk the
	// control removes as it was found to work.
	Reduction float64 `json:"reduction"`
	// Reduces says what the control reduces: the score (score method), or
	// likelihood, impact or both (split method), by its control type.
	Reduces string `json:"reduces"`
}

// RiskAcceptance is a risk owner's acceptance of a residual risk.
type RiskAcceptance struct {
	By     string     `json:"by"`
	Date   time.Time  `json:"date"`
	Expiry *time.Time `json:"expiry,omitempty"`
	// Problem says why the acceptance is not valid at the effective time.
	Problem string `json:"problem,omitempty"`
}

// RiskSummary counts the risks of a report.
type RiskSummary struct {
	Risks         int          `json:"risks"`
	Inherent      map[Band]int `json:"inherent"`
	Residual      map[Band]int `json:"residual"`
	AboveAppetite int          `json:"above_appetite"`
	// Unaccepted counts the risks above appetite without a valid
	// acceptance: each is a finding.
	Unaccepted int `json:"unaccepted"`
}

// assessRisks computes the residual risk of every risk in the register
// from the control results in r. A risk above the appetite without a
// valid acceptance is a finding of the policy risk.acceptance
// (policies/risk), which reads the result.
func (e *Engine) assessRisks(r *Report, d *declarations) *RiskReport {
	if len(d.risks) == 0 {
		return nil
	}
	rr := &RiskReport{Register: joinOr(d.registerFiles, ""), RiskSettings: d.settings, Risks: []RiskResult{}, Warnings: []string{}}
	results := map[string]ControlResult{}
	for _, c := range r.Controls {
		results[c.ID] = c
	}
	for _, re := range d.risks {
		res := e.residual(re, results, d.settings, &rr.Warnings)
		rr.InherentMatrix[res.Likelihood-1][res.Impact-1]++
		rr.ResidualMatrix[res.ResidualLikelihood-1][res.ResidualImpact-1]++
		rr.Risks = append(rr.Risks, res)
	}
	slices.SortFunc(rr.Risks, func(a, b RiskResult) int { return cmp.Compare(a.ID, b.ID) })
	slices.Sort(rr.Warnings)
	return rr
}

// residual computes one risk's residual score.
func (e *Engine) residual(re declaredRisk, results map[string]ControlResult, s RiskSettings, warnings *[]string) RiskResult {
	res := RiskResult{
		ID: re.ID, Asset: re.Asset, Threat: re.Threat, Vulnerability: re.Vulnerability,
		Owner: re.Owner, Treatment: re.Treatment, Source: where(re.source),
		Likelihood: re.Likelihood, Impact: re.Impact,
		Inherent: re.Likelihood * re.Impact,
		Controls: []RiskControl{},
	}
	res.InherentBand = catalog.BandOf(res.Inherent)
	// Each link removes strength × effectiveness of the risk; the links are
	// independent layers, so together they leave Π(1 − sᵢ × eᵢ).
	var all, likelihood, impact []milli
	for _, link := range re.Controls {
		cr, ok := results[link.ID]
		if !ok {
			continue
		}
		ctl, _ := e.catalog.Lookup(link.ID)
		types := ctl.Attributes.ControlType
		strength, from := milli(catalog.DefaultStrength(types)), "default for "+strings.Join(types, "/")
		if link.Strength != 0 {
			strength, from = toMilli(link.Strength), "register"
		}
		eff := toMilli(cr.Effectiveness)
		r := product(strength, eff)
		rc := RiskControl{
			ID: link.ID, Title: cr.Title, Status: cr.Status, Effectiveness: eff.float(),
			Strength: strength.float(), StrengthFrom: from, Reduction: r.float(), Reduces: "score",
		}
		if cr.Status == StatusNotApplicable {
			*warnings = append(*warnings, fmt.Sprintf("%s: risk %s names control %s, which the Statement of Applicability excludes; it counts as not effective (0)", where(re.source), re.ID, link.ID))
		}
		all = append(all, r)
		reducesL := slices.Contains(types, "preventive") || slices.Contains(types, "detective")
		reducesI := slices.Contains(types, "corrective")
		if s.Method == RiskMethodSplit {
			switch {
			case reducesL && reducesI:
				rc.Reduces = "likelihood and impact"
			case reducesI:
				rc.Reduces = "impact"
			default:
				rc.Reduces = "likelihood"
			}
		}
		if reducesL || !reducesI {
			likelihood = append(likelihood, r)
		}
		if reducesI {
			impact = append(impact, r)
		}
		res.Controls = append(res.Controls, rc)
	}
	rAll := combine(all)
	res.Reduction = rAll.float()
	switch s.Method {
	case RiskMethodSplit:
		rL, rI := combine(likelihood), combine(impact)
		l, i := rL.float(), rI.float()
		res.LikelihoodReduction, res.ImpactReduction = &l, &i
		res.ResidualLikelihood = reduce(re.Likelihood, rL)
		res.ResidualImpact = reduce(re.Impact, rI)
		res.Residual = res.ResidualLikelihood * res.ResidualImpact
	default:
		res.Residual = reduce(res.Inherent, rAll)
		// The matrix needs a cell: keep the impact and take the lowest
		// likelihood whose cell is not below the residual score.
		res.ResidualImpact = re.Impact
		res.ResidualLikelihood = min(5, max(1, (res.Residual+re.Impact-1)/re.Impact))
	}
	res.ResidualBand = catalog.BandOf(res.Residual)
	res.AboveAppetite = res.Residual > s.Appetite
	if a := re.Acceptance; a != nil {
		ra := &RiskAcceptance{By: a.By, Date: a.Date}
		if !a.Expiry.IsZero() {
			exp := a.Expiry
			ra.Expiry = &exp
		}
		switch {
		case a.Date.After(e.now):
			ra.Problem = fmt.Sprintf("it is dated %s, after the effective date", a.Date.Format(time.DateOnly))
		case !a.Expiry.IsZero() && !a.Expiry.After(e.now):
			ra.Problem = fmt.Sprintf("it expired on %s", a.Expiry.Format(time.DateOnly))
		}
		res.Acceptance = ra
		res.Accepted = ra.Problem == ""
	}
	return res
}

// reduce scales a score down by a reduction in thousandths, rounding half
// up, and never below 1, the lowest point of the scale.
func reduce(score int, r milli) int {
	return max(1, (score*(1000-int(r))+500)/1000)
}

// product is a × b of two values in thousandths, rounded half up to
// thousandths: a link's reduction, strength × effectiveness.
func product(a, b milli) milli {
	return milli((int(a)*int(b) + 500) / 1000)
}

// combine is the combined reduction of independent reductions rᵢ in
// thousandths, 1 − Π(1 − rᵢ), computed exactly and rounded half up to
// thousandths; 0 for none.
func combine(rs []milli) milli {
	keep, den := big.NewInt(1), big.NewInt(1)
	for _, r := range rs {
		keep.Mul(keep, big.NewInt(int64(1000-r)))
		den.Mul(den, big.NewInt(1000))
	}
	// (den − keep) / den in thousandths, half up: (2000(den − keep) + den) / 2den.
	num := new(big.Int).Sub(den, keep)
	num.Mul(num, big.NewInt(2000)).Add(num, den)
	return milli(num.Quo(num, den.Mul(den, big.NewInt(2))).Int64())
}

// summary counts the risks.
func (rr *RiskReport) summary() *RiskSummary {
	if rr == nil {
		return nil
	}
	s := &RiskSummary{Risks: len(rr.Risks), Inherent: map[Band]int{}, Residual: map[Band]int{}}
	for _, r := range rr.Risks {
		s.Inherent[r.InherentBand]++
		s.Residual[r.ResidualBand]++
		if r.AboveAppetite {
			s.AboveAppetite++
			if !r.Accepted {
				s.Unaccepted++
			}
		}
	}
	return s
}
