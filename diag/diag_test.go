package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Summary: "s"}, "s"},
		{Diagnostic{Summary: "s", Detail: "d"}, "s; d"},
		{Diagnostic{File: "a.tf", Summary: "s"}, "a.tf: s"},
		{Diagnostic{File: "a.tf", Line: 3, Summary: "s"}, "a.tf:3: s"},
		{Diagnostic{File: "a.tf", Line: 3, Column: 7, Summary: "s", Detail: "d"}, "a.tf:3:7: s; d"},
		// A column without a line says nothing.
		{Diagnostic{File: "a.tf", Column: 7, Summary: "s"}, "a.tf: s"},
	}
	for _, tc := range tests {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestErr(t *testing.T) {
	if err := (Diagnostics{{Severity: Warning, Summary: "w"}}).Err(); err != nil {
		t.Errorf("warnings only: got error %v", err)
	}
	ds := Diagnostics{
		{Severity: Warning, Summary: "w"},
		{Severity: Error, File: "a", Line: 1, Summary: "first"},
		{Severity: Error, File: "b", Summary: "second"},
	}
	if got, want := ds.Err().Error(), "a:1: first\n  b: second"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !ds.HasErrors() || len(ds.Warnings()) != 1 || len(ds.Errors()) != 2 {
		t.Errorf("counts wrong: %+v", ds)
	}
	var many Diagnostics
	for i := range 25 {
		many = append(many, Diagnostic{Severity: Error, Summary: fmt.Sprint(i)})
	}
	msg := many.Err().Error()
	if !strings.HasSuffix(msg, "(and 5 more)") || strings.Count(msg, "\n") != 20 {
		t.Errorf("25 errors: got %q", msg)
	}
}

func TestFromError(t *testing.T) {
	if FromError(nil, "x") != nil {
		t.Error("nil error gave diagnostics")
	}
	ds := FromError(errors.New("plan.json:3: bad"), "terraform-plan")
	if len(ds) != 1 || ds[0].Severity != Error || ds[0].Summary != "plan.json:3: bad" || ds[0].Source != "terraform-plan" {
		t.Errorf("got %+v", ds)
	}
}

func TestSort(t *testing.T) {
	ds := Diagnostics{
		{Severity: Warning, File: "b", Line: 1, Summary: "x"},
		{Severity: Warning, File: "a", Line: 9, Summary: "y"},
		{Severity: Warning, File: "a", Line: 2, Column: 5, Summary: "z"},
		{Severity: Warning, File: "a", Line: 2, Column: 5, Summary: "z"},
	}
	got := ds.Sort()
	want := []string{"a:2:5: z", "a:9: y", "b:1: x"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("%d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// TestBounded: a report keeps at most MaxReported diagnostics, says how
// many it left out, and cuts long texts at a character boundary.
func TestBounded(t *testing.T) {
	many := make(Diagnostics, MaxReported+5)
	for i := range many {
		many[i] = Diagnostic{Severity: Warning, Summary: fmt.Sprintf("w%d", i)}
	}
	tests := []struct {
		name     string
		in       Diagnostics
		wantLen  int
		wantLast string
	}{
		{"none", nil, 0, ""},
		{"few", many[:3], 3, "w2"},
		{"at the bound", many[:MaxReported], MaxReported, fmt.Sprintf("w%d", MaxReported-1)},
		{"over the bound", many, MaxReported + 1, "5 more diagnostics are not listed"},
		{"long text", Diagnostics{{Severity: Warning, Summary: strings.Repeat("é", MaxTextBytes)}}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.in.Bounded()
			if len(got) != tt.wantLen {
				t.Fatalf("len %d, want %d", len(got), tt.wantLen)
			}
			for _, d := range got {
				if len(d.Summary) > MaxTextBytes || !utf8.ValidString(d.Summary) {
					t.Errorf("summary of %d bytes (valid UTF-8 %v)", len(d.Summary), utf8.ValidString(d.Summary))
				}
			}
			if tt.wantLast != "" && got[len(got)-1].Summary != tt.wantLast {
				t.Errorf("last %q, want %q", got[len(got)-1].Summary, tt.wantLast)
			}
		})
	}
	if len(many) != MaxReported+5 {
		t.Error("Bounded changed its receiver")
	}
}
