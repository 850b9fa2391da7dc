package catalog

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annexa-dev/annexa/policies"
)

// catalogJSON renders a catalog file holding the given controls, each
// written as the JSON fields inside its braces.
func catalogJSON(controls ...string) []byte {
	return []byte(`{"standard": "ISO/IEC 27002:2022", "controls": [{` + strings.Join(controls, "}, {") + `}]}`)
}

const (
	validCtl524 = `"id": "5.24", "title": "Incident planning", "theme": "organizational", "testability": "M",
		"summary": "An approved incident plan exists and was exercised within the last year."`
	validCtl824 = `"id": "8.24", "title": "Use of cryptography", "theme": "technological", "testability": "A",
		"summary": "Data at rest is encrypted with keys the organisation manages."`
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string // substring of the error; "" for success
	}{
		{"valid", catalogJSON(validCtl824, validCtl524), ""},
		{"missing summary",
			catalogJSON(validCtl524, `"id": "8.24", "title": "Use of cryptography", "theme": "technological", "testability": "A"`),
			"control 8.24 has no summary"},
		{"blank summary",
			catalogJSON(`"id": "8.24", "title": "Use of cryptography", "theme": "technological", "testability": "A", "summary": "  \n "`),
			"control 8.24 has no summary"},
		{"duplicate id", catalogJSON(validCtl824, validCtl524, validCtl824), "control 8.24 listed twice"},
		{"bad JSON", []byte(`{"standard": "ISO/IEC 27002:2022", "controls": [{"id": "8.24",`), "parse control catalog catalog.json: unexpected end of JSON input"},
		{"wrong type", []byte(`{"controls": {"id": "8.24"}}`), "parse control catalog catalog.json: json: cannot unmarshal object"},
		{"no id", catalogJSON(validCtl824, `"title": "Nameless", "theme": "people", "testability": "M", "summary": "x"`), "entry 1 lacks id, title or theme"},
		{"unknown theme",
			catalogJSON(`"id": "8.24", "title": "Use of cryptography", "theme": "technical", "testability": "A", "summary": "x"`),
			`control 8.24: theme "technical" is not one of organizational, people, physical, technological`},
		{"unknown testability",
			catalogJSON(`"id": "8.24", "title": "Use of cryptography", "theme": "technological", "testability": "P", "summary": "x"`),
			`control 8.24: testability "P" is not "A" (automatable) or "M" (manual)`},
		{"bad id", catalogJSON(`"id": "A.8.24", "title": "Use of cryptography", "theme": "technological", "testability": "A", "summary": "x"`),
			`entry 0: "A.8.24" is not a control id`},
		{"missing testability",
			catalogJSON(`"id": "8.24", "title": "Use of cryptography", "theme": "technological", "summary": "x"`),
			`control 8.24: testability ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(fstest.MapFS{"catalog.json": {Data: tt.data}}, "catalog.json")
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				if got := controlIDs(c); !slices.Equal(got, []string{"5.24", "8.24"}) {
					t.Errorf("ids = %v, want sorted [5.24 8.24]", got)
				}
				if ctl, ok := c.Lookup("8.24"); !ok || ctl.Testability != TestabilityAutomatable || !strings.HasPrefix(ctl.Summary, "Data at rest") {
					t.Errorf("Lookup(8.24) = %+v, %v", ctl, ok)
				}
				return
			}
			if err == nil {
				t.Fatalf("Load succeeded, want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "catalog.json") {
				t.Errorf("error %q does not name the file and say %q", err, tt.want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(fstest.MapFS{}, "catalog.json")
	if err == nil || !strings.Contains(err.Error(), "catalog.json") {
		t.Errorf("err = %v, want one naming catalog.json", err)
	}
}

// TestBuiltinCatalog checks the embedded catalog against the shape of
// ISO/IEC 27002:2022 and the house rules for summaries.
func TestBuiltinCatalog(t *testing.T) {
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	// The standard numbers controls 5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34.
	var want []string
	themes := map[string]string{}
	for i, n := range []int{37, 8, 14, 34} {
		for j := 1; j <= n; j++ {
			id := fmt.Sprintf("%d.%d", i+5, j)
			want = append(want, id)
			themes[id] = Themes()[i]
		}
	}
	if got := controlIDs(c); !slices.Equal(got, want) {
		t.Fatalf("catalog has %d controls, want the 93 of ISO/IEC 27002:2022 in order:\n got %v\nwant %v", len(got), got, want)
	}
	// The loader sorts, so read the file as written to keep it in order too.
	raw, err := policies.FS.ReadFile(policies.CatalogPath)
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Controls []struct{ ID string } }
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	for i, ctl := range file.Controls {
		if ctl.ID != want[i] {
			t.Fatalf("%s entry %d is %s, want %s: keep the file in control order", policies.CatalogPath, i, ctl.ID, want[i])
		}
	}

	perTheme := map[string]int{}
	seen := map[string]string{}
	for _, ctl := range c.Controls {
		perTheme[ctl.Theme]++
		if ctl.Theme != themes[ctl.ID] {
			t.Errorf("control %s has theme %s, want %s", ctl.ID, ctl.Theme, themes[ctl.ID])
		}
		if n := len(ctl.Summary); n < 150 || n > 700 {
			t.Errorf("control %s: summary is %d characters, want 150 to 700", ctl.ID, n)
		}
		if ctl.Summary != strings.TrimSpace(ctl.Summary) || strings.Contains(ctl.Summary, "\n") {
			t.Errorf("control %s: summary has stray whitespace or line breaks", ctl.ID)
		}
		if prev, dup := seen[ctl.Summary]; dup {
			t.Errorf("controls %s and %s have the same summary", prev, ctl.ID)
		}
		seen[ctl.Summary] = ctl.ID
		a := ctl.Attributes
		if len(a.ControlType) == 0 || len(a.SecurityProperties) == 0 || len(a.CybersecurityConcepts) == 0 ||
			len(a.OperationalCapabilities) == 0 || len(a.SecurityDomains) == 0 {
			t.Errorf("control %s lacks an attribute family: %+v", ctl.ID, a)
		}
	}
	wantThemes := map[string]int{"organizational": 37, "people": 8, "physical": 14, "technological": 34}
	for theme, n := range wantThemes {
		if perTheme[theme] != n {
			t.Errorf("%d %s controls, want %d", perTheme[theme], theme, n)
		}
	}
	// ISO/IEC 27002:2022 added 11 controls.
	var added []string
	for _, ctl := range c.Controls {
		if ctl.NewIn2022 {
			added = append(added, ctl.ID)
		}
	}
	if wantNew := []string{"5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"}; !slices.Equal(added, wantNew) {
		t.Errorf("new in 2022: %v, want %v", added, wantNew)
	}
}

func TestSuggest(t *testing.T) {
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id   string
		want []string
	}{
		{"8.42", []string{"8.24", "8.32", "8.22", "8.12", "8.4"}}, // same digits first
		{"8.35", []string{"8.34", "8.33", "8.32", "8.31", "8.30"}},
		{"5.100", []string{"5.10"}},
		{"9.1", []string{"5.1", "6.1", "7.1", "8.1"}},
		{"6.9", []string{"6.8", "6.7", "6.6", "6.5", "6.4"}},
		{"824", []string{"8.24", "8.4"}},
		{"hello", []string{}},
		{"", []string{}},
		{strings.Repeat("8", 1<<16), []string{}},
	}
	for _, tt := range tests {
		if got := c.Suggest(tt.id); !slices.Equal(got, tt.want) {
			t.Errorf("Suggest(%.10q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"8.24", "8.24", 0},
		{"8.42", "8.24", 1}, // adjacent swap is one edit
		{"8.2", "8.24", 1},
		{"8.24", "8.2", 1},
		{"8.25", "8.24", 1},
		{"", "8.1", 3},
		{"5.1", "8.34", 3},
		{"ab", "ba", 1},
		{"abc", "ca", 3}, // optimal string alignment never edits a substring twice
		{"8.２4", "8.24", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func controlIDs(c *Catalog) []string {
	ids := make([]string, len(c.Controls))
	for i, ctl := range c.Controls {
		ids[i] = ctl.ID
	}
	return ids
}

func TestBuiltinIsParsedOnce(t *testing.T) {
	a, errA := Builtin()
	b, errB := Builtin()
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if a != b {
		t.Error("Builtin parsed the catalog twice")
	}
}

func TestCheckID(t *testing.T) {
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Ranges(), "5.1-5.37, 6.1-6.8, 7.1-7.14, 8.1-8.34"; got != want {
		t.Errorf("Ranges() = %q, want %q", got, want)
	}
	tests := []struct {
		id   string
		want string // "" for a control of the catalog
	}{
		{"5.1", ""},
		{"8.34", ""},
		{"8.35", `"8.35" is not an ISO/IEC 27002:2022 control (5.1-5.37, 6.1-6.8, 7.1-7.14, 8.1-8.34)`},
		{"A.8.24", `"A.8.24" is not an ISO/IEC 27002:2022 control`},
		{"", `"" is not an ISO/IEC 27002:2022 control`},
	}
	for _, tt := range tests {
		err := c.CheckID(tt.id)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckID(%q) = %v, want nil", tt.id, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("CheckID(%q) = %v, want an error starting %q", tt.id, err, tt.want)
		}
		if c.Has(tt.id) != (tt.want == "") {
			t.Errorf("Has(%q) = %v", tt.id, !(tt.want == ""))
		}
	}
}
