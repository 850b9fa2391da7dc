package input

import (
	"strings"
	"testing"
)

func TestDecodeCSV(t *testing.T) {
	data := "\xEF\xBB\xBFControl, Applicable ,justification\n\n5.1,yes,\"a, b\"\n5.2,no,\"two\nlines\"\n5.3,yes,x\n"
	tab, err := DecodeCSV("soa.csv", []byte(data), []string{"control", "applicable"}, []string{"control", "applicable", "justification"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(tab.Columns, ",") != "control,applicable,justification" || len(tab.Rows) != 3 {
		t.Fatalf("columns %v, %d rows", tab.Columns, len(tab.Rows))
	}
	for i, want := range []struct {
		line          int
		justification string
	}{{3, "a, b"}, {4, "two\nlines"}, {6, "x"}} {
		if r := tab.Rows[i]; r.Line != want.line || r.Get("justification") != want.justification {
			t.Errorf("row %d: line %d %q, want line %d %q", i, r.Line, r.Get("justification"), want.line, want.justification)
		}
	}
	if tab.Rows[0].Get("owner") != "" {
		t.Error("an absent column is not empty")
	}
}

func TestDecodeCSVErrors(t *testing.T) {
	req, all := []string{"id"}, []string{"id", "name"}
	for _, tc := range []struct{ name, data, want string }{
		{"unknown column", "id,nmae\n", `f.csv:1: unknown column "nmae" (expected id, name)`},
		{"duplicate column", "id,ID\n", `f.csv:1: column "id" appears twice`},
		{"missing column", "name\n", `f.csv:1: the header has no "id" column`},
		{"ragged row", "id,name\na\n", "f.csv:2: 1 fields, but the header names 2 columns"},
		{"bare quote", "id,name\na,b\"c\n", "f.csv:2:4: invalid CSV"},
		{"empty", "\n\n", "f.csv: file is empty"},
		{"binary", "id\n\xff\xfe\n", "not UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := DecodeCSV("f.csv", []byte(tc.data), req, all); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
