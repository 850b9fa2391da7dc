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

func TestDefaultStrength(t *testing.T) {
	for _, tc := range []struct {
		types []string
		want  int
	}{
		{[]string{"preventive"}, 600},
		{[]string{"detective"}, 400},
		{[]string{"corrective"}, 400},
		{[]string{"detective", "corrective"}, 400},
		{[]string{"preventive", "corrective"}, 600}, // the highest of its types
		{nil, 400}, // no type: the lowest default
	} {
		if got := DefaultStrength(tc.types); got != tc.want {
			t.Errorf("DefaultStrength(%v) = %d, want %d", tc.types, got, tc.want)
		}
	}
	// Every control of the catalog has a type with a default below 1: no
	// control removes a risk on its own unless the register says so.
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cat.Controls {
		for _, ty := range c.Attributes.ControlType {
			if s, ok := ControlTypeStrengths()[ty]; !ok || s <= 0 || s >= 1000 {
				t.Errorf("control %s: type %q has default strength %d‰", c.ID, ty, s)
			}
		}
	}
}
