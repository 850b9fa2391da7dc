package catalog

import (
	"slices"
	"testing"
)

func TestBandOf(t *testing.T) {
	tests := []struct {
		score int
		want  Band
	}{
		{MinScore, BandLow},
		{6, BandLow},
		{7, BandMedium},
		{15, BandMedium},
		{16, BandHigh},
		{MaxScore, BandHigh},
	}
	for _, tt := range tests {
		if got := BandOf(tt.score); got != tt.want {
			t.Errorf("BandOf(%d) = %s, want %s", tt.score, got, tt.want)
		}
	}
}

func TestRiskConstants(t *testing.T) {
	tests := []struct {
		name      string
		got, want any
	}{
		{"scale", [2]int{MinLevel, MaxLevel}, [2]int{1, 5}},
		{"scores", [2]int{MinScore, MaxScore}, [2]int{1, 25}},
		{"default appetite is the top of the low band", DefaultAppetite, 6},
		{"default appetite band", BandOf(DefaultAppetite), BandLow},
		{"above the default appetite", BandOf(DefaultAppetite + 1), BandMedium},
		{"methods", Methods(), []string{"score", "split"}},
		{"treatments", Treatments(), []string{"modify", "retain", "avoid", "share"}},
	}
	for _, tt := range tests {
		eq := false
		switch g := tt.got.(type) {
		case []string:
			eq = slices.Equal(g, tt.want.([]string))
		default:
			eq = tt.got == tt.want
		}
		if !eq {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}
