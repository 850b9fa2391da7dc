package catalog

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339 UTC; "" for a reject
	}{
		{"2026-01-31", "2026-01-31T00:00:00Z"},
		{"2026-01-31T12:00:00Z", "2026-01-31T12:00:00Z"},
		{"2026-01-31T12:00:00.5Z", "2026-01-31T12:00:00.5Z"},
		{"2026-01-31T12:00:00+01:00", "2026-01-31T11:00:00Z"},
		{"2026-01-31 12:00:00Z", "2026-01-31T12:00:00Z"},
		{"2026-01-31 09:30:00+01:00", "2026-01-31T08:30:00Z"},
		{"2026-01-31T12:00Z", "2026-01-31T12:00:00Z"},
		{"2026-01-01T00:30+02:00", "2025-12-31T22:30:00Z"},
		// Rejects.
		{"2026-02-30", ""},
		{"2026-13-01", ""},
		{"15/10/2025", ""},
		{"2026-1-31", ""},
		{"2026-01-31T12:00:00", ""}, // no zone: ambiguous
		{"2026-01-31 12:00", ""},
		{"yesterday", ""},
		{"", ""},
		{" 2026-01-31", ""},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseDate(%q) = %v, want an error", tt.in, got)
			} else if !strings.Contains(err.Error(), "is not an RFC 3339 time (2026-01-31T12:00:00Z) or a date (2026-01-31)") {
				t.Errorf("ParseDate(%q) error %q does not say what is expected", tt.in, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got.Location() != time.UTC || got.Format(time.RFC3339Nano) != tt.want {
			t.Errorf("ParseDate(%q) = %s, want %s UTC", tt.in, got.Format(time.RFC3339Nano), tt.want)
		}
	}
}

func TestDateLayoutsIsACopy(t *testing.T) {
	l := DateLayouts()
	l[0] = "x"
	if DateLayouts()[0] == "x" {
		t.Error("DateLayouts shares its slice")
	}
}
