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
