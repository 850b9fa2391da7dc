package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/engine"
)

// RiskFormats lists the formats of the residual risk output.
func RiskFormats() []string { return []string{FormatTable, FormatJSON, FormatCSV} }

// NewRisk returns the writer of the residual risks in format.
func NewRisk(format string) (Writer, error) {
	switch format {
	case FormatTable:
		return RiskTable{}, nil
	case FormatJSON:
		return RiskJSON{}, nil
	case FormatCSV:
		return RiskCSV{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (expected one of %s)", format, strings.Join(RiskFormats(), ", "))
}

// errNoRegister is returned when a report has no risks to write.
var errNoRegister = errors.New("the run has no risk register: name it with --risks FILE or risks: in annexa.yaml")

// RiskJSON writes the risks section of the report with the run's tool and
// effective time.
type RiskJSON struct{}

// Write implements Writer.
func (RiskJSON) Write(w io.Writer, r *engine.Report) error {
	if r.Risks == nil {
		return errNoRegister
	}
	return encodeJSON(w, struct {
		Tool          engine.Tool `json:"tool"`
		EffectiveTime time.Time   `json:"effective_time"`
		*engine.RiskReport
	}{r.Tool, r.EffectiveTime, r.Risks})
}

var riskColumns = []string{"id", "asset", "threat", "owner", "treatment", "likelihood", "impact", "inherent", "inherent_band", "controls", "reduction", "residual_likelihood", "residual_impact", "residual", "residual_band", "above_appetite", "accepted", "acceptance_problem"}

// RiskCSV writes one row per risk (RFC 4180).
type RiskCSV struct{}

// Write implements Writer.
func (RiskCSV) Write(w io.Writer, r *engine.Report) error {
	if r.Risks == nil {
		return errNoRegister
	}
	rows := make([][]string, 0, len(r.Risks.Risks))
	for _, k := range r.Risks.Risks {
		ctls := make([]string, len(k.Controls))
		for i, c := range k.Controls {
			// id, status, strength x effectiveness = reduction.
			ctls[i] = fmt.Sprintf("%s %s %sx%s=%s", c.ID, c.Status, decimal(c.Strength), decimal(c.Effectiveness), decimal(c.Reduction))
		}
		problem := ""
		if k.Acceptance != nil {
			problem = k.Acceptance.Problem
		}
		row := []string{
			k.ID, k.Asset, k.Threat, k.Owner, k.Treatment,
			strconv.Itoa(k.Likelihood), strconv.Itoa(k.Impact), strconv.Itoa(k.Inherent), string(k.InherentBand),
			strings.Join(ctls, "; "), strconv.FormatFloat(k.Reduction, 'f', 3, 64),
			strconv.Itoa(k.ResidualLikelihood), strconv.Itoa(k.ResidualImpact), strconv.Itoa(k.Residual), string(k.ResidualBand),
			strconv.FormatBool(k.AboveAppetite), strconv.FormatBool(k.Accepted), problem,
		}
		rows = append(rows, row)
	}
	return writeCSV(w, riskColumns, rows)
}

// RiskTable writes a table of the risks and the inherent and residual 5×5
// matrices side by side.
type RiskTable struct{}

// Write implements Writer.
func (RiskTable) Write(w io.Writer, r *engine.Report) error {
	if r.Risks == nil {
		return errNoRegister
	}
	rr := r.Risks
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Risk register %s as of %s: %d risks, method %s, appetite %d\n\n",
		rr.Register, r.EffectiveTime.UTC().Format(time.RFC3339), len(rr.Risks), rr.Method, rr.Appetite)
	idW, assetW := len("risk"), len("asset")
	for _, k := range rr.Risks {
		idW, assetW = max(idW, len(k.ID)), max(assetW, len(k.Asset))
	}
	rHead, rW := "R", len("0.999")
	if rr.Method == engine.RiskMethodSplit {
		rHead, rW = "R(L)/R(I)", len("0.999/0.999")
	}
	fmt.Fprintf(bw, "%-*s  %-*s  %-13s  %-*s  %-13s  %s\n", idW, "risk", assetW, "asset", "L x I", rW, rHead, "residual", "status")
	for _, k := range rr.Risks {
		// The score method reduces the score, not likelihood or impact, so
		// only the split method has a residual likelihood × impact to show.
		residual := fmt.Sprintf("%d %s", k.Residual, abbrevBand(k.ResidualBand))
		reduction := decimal(k.Reduction)
		if rr.Method == engine.RiskMethodSplit {
			residual = fmt.Sprintf("%dx%d=%d %s", k.ResidualLikelihood, k.ResidualImpact, k.Residual, abbrevBand(k.ResidualBand))
			reduction = decimal(*k.LikelihoodReduction) + "/" + decimal(*k.ImpactReduction)
		}
		fmt.Fprintf(bw, "%-*s  %-*s  %-13s  %-*s  %-13s  %s\n", idW, k.ID, assetW, k.Asset,
			fmt.Sprintf("%dx%d=%d %s", k.Likelihood, k.Impact, k.Inherent, abbrevBand(k.InherentBand)),
			rW, reduction, residual, riskStatus(k, rr.Appetite))
		// Each control: what it removes, design strength × operating
		// effectiveness.
		for _, c := range k.Controls {
			reduces := ""
			if rr.Method == engine.RiskMethodSplit {
				reduces = ", reduces " + c.Reduces
			}
			fmt.Fprintf(bw, "%*s%-5s %-14s removes %s = strength %s (%s) x effectiveness %s%s\n", idW+2, "", c.ID, c.Status,
				decimal(c.Reduction), decimal(c.Strength), c.StrengthFrom, decimal(c.Effectiveness), reduces)
		}
	}
	fmt.Fprintln(bw)
	writeMatrices(bw, rr)
	fmt.Fprintf(bw, "\n%s\n", riskLine(r))
	for _, warn := range rr.Warnings {
		fmt.Fprintf(bw, "warning: %s\n", warn)
	}
	return bw.Flush()
}

// decimal formats a value kept in thousandths without trailing zeros:
// 0.6, 0.813, 1.
func decimal(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func abbrevBand(b engine.Band) string {
	return map[engine.Band]string{engine.BandLow: "low", engine.BandMedium: "med", engine.BandHigh: "HIGH"}[b]
}

// riskStatus says where a risk stands against the appetite.
func riskStatus(k engine.RiskResult, appetite int) string {
	switch {
	case !k.AboveAppetite:
		return "within appetite"
	case k.Accepted:
		exp := "no expiry"
		if k.Acceptance.Expiry != nil {
			exp = "until " + k.Acceptance.Expiry.UTC().Format(time.DateOnly)
		}
		return fmt.Sprintf("above appetite (%d), accepted by %s %s", appetite, k.Acceptance.By, exp)
	case k.Acceptance != nil:
		return fmt.Sprintf("ABOVE APPETITE (%d), acceptance not valid: %s", appetite, k.Acceptance.Problem)
	}
	return fmt.Sprintf("ABOVE APPETITE (%d), not accepted", appetite)
}

// writeMatrices draws the inherent and residual matrices side by side:
// likelihood 5 to 1 down, impact 1 to 5 across, the count of risks in each
// cell ("." for none).
func writeMatrices(w io.Writer, rr *engine.RiskReport) {
	const cellW = 3
	title := func(s string) string { return fmt.Sprintf("%-*s", 4+5*cellW, s) }
	fmt.Fprintf(w, "%s      %s\n", title("inherent"), "residual")
	for l := 5; l >= 1; l-- {
		row := func(m [5][5]int) string {
			var b strings.Builder
			fmt.Fprintf(&b, "L%d |", l)
			for i := 1; i <= 5; i++ {
				n := m[l-1][i-1]
				cell := "."
				if n > 0 {
					cell = strconv.Itoa(n)
				}
				fmt.Fprintf(&b, "%*s", cellW, cell)
			}
			return b.String()
		}
		fmt.Fprintf(w, "%s      %s\n", row(rr.InherentMatrix), row(rr.ResidualMatrix))
	}
	axis := "   +" + strings.Repeat("-", 5*cellW)
	fmt.Fprintf(w, "%s      %s\n", axis, axis)
	var labels strings.Builder
	labels.WriteString("    ")
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&labels, "%*s", cellW, "I"+strconv.Itoa(i))
	}
	fmt.Fprintf(w, "%s      %s\n", labels.String(), labels.String())
}

// riskLine is the one-line summary of the risks.
func riskLine(r *engine.Report) string {
	s := r.Summary.Risks
	if s == nil {
		return "risks: no risk register"
	}
	return fmt.Sprintf("risks: %d (appetite %d, method %s): inherent %d high, %d medium, %d low; residual %d high, %d medium, %d low; %d above appetite, %d without valid acceptance",
		s.Risks, r.Risks.Appetite, r.Risks.Method,
		s.Inherent[engine.BandHigh], s.Inherent[engine.BandMedium], s.Inherent[engine.BandLow],
		s.Residual[engine.BandHigh], s.Residual[engine.BandMedium], s.Residual[engine.BandLow],
		s.AboveAppetite, s.Unaccepted)
}
