package catalog

import (
	"slices"
	"strings"
	"testing"
)

func TestNormalizeID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"8.24", "8.24"},
		{"A.8.24", "8.24"},
		{"a.5.10", "5.10"},
		{"A.", "A."}, // nothing after the prefix: left alone
		{"A", "A"},
		{"", ""},
		{"AB.8.24", "AB.8.24"},
		{" A.8.24", " A.8.24"}, // callers trim
	}
	for _, tt := range tests {
		if got := NormalizeID(tt.in); got != tt.want {
			t.Errorf("NormalizeID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseID(t *testing.T) {
	tests := []struct {
		in, want string // want "" for a reject
	}{
		{"5.1", "5.1"},
		{"5.37", "5.37"},
		{"A.8.24", "8.24"},
		{"a.6.8", "6.8"},
		{"8.99", "8.99"}, // well formed; the catalog says whether it exists
		{"4.1", ""},
		{"9.1", ""},
		{"8.0", ""},
		{"8.024", ""},
		{"8.100", ""},
		{"8.", ""},
		{".24", ""},
		{"824", ""},
		{"8.2a", ""},
		{"8.+2", ""},
		{"8.24.1", ""},
		{"A.A.8.24", ""},
		{"", ""},
		{"８.24", ""},
	}
	for _, tt := range tests {
		got, err := ParseID(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseID(%q) = %q, want an error", tt.in, got)
			} else if !strings.Contains(err.Error(), "is not a control id") {
				t.Errorf("ParseID(%q) error %q does not say what is expected", tt.in, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseID(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestCompareIDs(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"5.9", "5.10", -1},
		{"5.10", "5.9", 1},
		{"5.10", "5.10", 0},
		{"5.37", "6.1", -1},
		{"8.1", "7.14", 1},
		{"6.1", "6.1.3", -1}, // clause ids: a parent before its sub-clauses
		{"6.1.3", "6.2", -1},
		{"10.2", "9.3", 1},
		{"8.a", "8.b", -1}, // parts that are not numbers compare as text
	}
	for _, tt := range tests {
		if got := CompareIDs(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareIDs(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	ids := []string{"5.10", "8.1", "5.2", "5.1", "7.14", "8.34", "6.8"}
	slices.SortFunc(ids, CompareIDs)
	if want := []string{"5.1", "5.2", "5.10", "6.8", "7.14", "8.1", "8.34"}; !slices.Equal(ids, want) {
		t.Errorf("sorted = %v, want %v", ids, want)
	}
}
