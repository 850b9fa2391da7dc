package engine

import (
	"slices"
	"testing"
)

// TestHeaviestFirst: the control policies start in order of the facts
// they read, most first, ties in their own order, and the policies over
// the residual risks are left to the roll-up.
func TestHeaviestFirst(t *testing.T) {
	idx := &factIndex{ids: map[string][]string{
		"resource":               {"a", "b", "c", "d"},
		"resource:aws_s3_bucket": {"a", "b"},
		"resource:aws_lb":        {"c"},
		"evidence:policy":        {"p"},
	}}
	e := &Engine{policies: []*Policy{
		{ID: "lb", Package: "annexa.controls.c8_21.lb", Inputs: []string{"resource:aws_lb"}},
		{ID: "risk", Package: RiskPackage + ".acceptance", Inputs: []string{"resource"}},
		{ID: "every", Package: "annexa.controls.c8_31.every", Inputs: []string{"resource"}},
		{ID: "none", Package: "annexa.controls.c5_1.none", Inputs: []string{"evidence:review"}},
		{ID: "s3", Package: "annexa.controls.c8_3.s3", Inputs: []string{"resource:aws_s3_bucket"}},
		{ID: "two", Package: "annexa.controls.c5_1.two", Inputs: []string{"resource:aws_lb", "evidence:policy"}},
	}}
	var got []string
	for _, i := range e.heaviestFirst(idx) {
		got = append(got, e.policies[i].ID)
	}
	want := []string{"every", "s3", "two", "lb", "none"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
}
