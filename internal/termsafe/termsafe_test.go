package termsafe

import (
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain name", "plain name"},
		{"bucket\r\x1b[2KVERIFIED x", `bucket\r\x1b[2KVERIFIED x`},
		{"two\nlines\tand tab", `two\nlines\tand tab`},
		{"c1 \u009b31m", `c1 \x9b31m`},
		{"rtl \u202egnp.exe", `rtl \u202egnp.exe`},
		{"zero\u200bwidth", `zero\u200bwidth`},
		{"bad \xff byte", `bad \xff byte`},
		{"ünïcödé ✓", "ünïcödé ✓"},
		{"del \x7f", `del \x7f`},
	}
	for _, tc := range tests {
		if got := String(tc.in); got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriterKeepsLayout(t *testing.T) {
	var b strings.Builder
	w := &Writer{W: &b}
	in := "FAILED: name\x1b[1A\x1b[2K\rVERIFIED\n\tnext line\n"
	n, err := w.Write([]byte(in))
	if err != nil || n != len(in) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if want := "FAILED: name\\x1b[1A\\x1b[2K\\rVERIFIED\n\tnext line\n"; b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
}

func TestWriterJoinsSplitCharacters(t *testing.T) {
	var b strings.Builder
	w := &Writer{W: &b}
	in := []byte("A.5 – ✓ ok\n")
	for i := range in {
		if _, err := w.Write(in[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if b.String() != string(in) {
		t.Errorf("wrote %q, want %q", b.String(), in)
	}
	b.Reset()
	_, _ = w.Write([]byte("end \xe2\x80"))
	_ = w.Flush()
	if want := `end \xe2\x80`; b.String() != want {
		t.Errorf("truncated character: wrote %q, want %q", b.String(), want)
	}
}
