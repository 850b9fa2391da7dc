package catalog

// The risk scale of docs/risk.md: likelihood and impact are levels 1 to 5,
// a score is their product, 1 to 25.
const (
	// MinLevel is the lowest likelihood or impact.
	MinLevel = 1
	// MaxLevel is the highest likelihood or impact.
	MaxLevel = 5
	// MinScore is the lowest risk score.
	MinScore = MinLevel * MinLevel
	// MaxScore is the highest risk score.
	MaxScore = MaxLevel * MaxLevel
)

// Band is a risk level on the 1 to 25 scale of likelihood × impact.
type Band string

// Risk bands: low 1-6, medium 7-15, high 16-25.
const (
	BandLow    Band = "low"
	BandMedium Band = "medium"
	BandHigh   Band = "high"
)

// Lowest scores of the medium and high bands.
const (
	mediumFrom = 7
	highFrom   = 16
)

// BandOf returns the band of a score.
func BandOf(score int) Band {
	switch {
	case score >= highFrom:
		return BandHigh
	case score >= mediumFrom:
		return BandMedium
	}
	return BandLow
}

// Residual risk methods (see docs/risk.md).
const (
	// MethodScore reduces the inherent score by the combined effectiveness
	// of a risk's controls.
	MethodScore = "score"
	// MethodSplit reduces likelihood by the preventive and detective
	// controls and impact by the corrective ones.
	MethodSplit = "split"
)

// Methods lists the residual risk methods.
func Methods() []string { return []string{MethodScore, MethodSplit} }

// DefaultAppetite is the highest residual score accepted without an
// explicit acceptance when nothing else is configured: the top of the low
// band.
const DefaultAppetite = mediumFrom - 1

// Treatments lists the risk treatment options of ISO/IEC 27005.
func Treatments() []string { return []string{"modify", "retain", "avoid", "share"} }

// RiskModel is the version of the residual risk model: how the controls
// of a risk reduce it (docs/risk.md). The risk settings a run records say
// which model computed its residual risks, so a replay can tell.
//
//   - 1: E = 1 − Π(1 − eᵢ) over the operating effectiveness of a risk's
//     controls; one fully effective control removed the risk.
//   - 2: each risk–control link has a design strength sᵢ, the share of the
//     risk the control removes when it works (DefaultStrength unless the
//     register states one), scaled by the control's operating
//     effectiveness: R = 1 − Π(1 − sᵢ × eᵢ).
const RiskModel = 2

// Default design strengths of a risk–control link in thousandths, by the
// ISO/IEC 27002 control type of the control. A preventive control stops
// the event before it happens; a detective one only shortens the time it
// goes unnoticed and a corrective one limits its consequences afterwards,
// so each removes less of a risk. None removes a risk on its own.
const (
	StrengthPreventive = 600
	StrengthDetective  = 400
	StrengthCorrective = 400
)

// ControlTypeStrengths maps each control type to its default design
// strength in thousandths.
func ControlTypeStrengths() map[string]int {
	return map[string]int{"preventive": StrengthPreventive, "detective": StrengthDetective, "corrective": StrengthCorrective}
}

// DefaultStrength returns the default design strength, in thousandths, of
// a control of the given control types: the highest of their defaults, or
// the lowest default for a control without a known type.
func DefaultStrength(controlTypes []string) int {
	strengths := ControlTypeStrengths()
	best := 0
	for _, t := range controlTypes {
		best = max(best, strengths[t])
	}
	if best == 0 {
		best = min(StrengthPreventive, StrengthDetective, StrengthCorrective)
	}
	return best
}
