// Package termsafe keeps text that came from input from steering the
// terminal it is printed on. Object names, file and tar entry names, key
// hints and finding messages are chosen by whoever wrote the input; a
// carriage return, an escape sequence or a bidirectional override in one
// could rewrite a printed line (make a FAILED verdict read VERIFIED).
package termsafe

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// unsafe reports whether r must not reach a terminal as is: C0 controls,
// DEL, C1 controls, and the Unicode formatting characters that reorder or
// hide text (bidirectional embeddings, overrides and isolates, zero-width
// marks).
func unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0xfeff:
		return true
	}
	return false
}

// String escapes every unsafe character of s, line breaks and tabs
// included, as Go would quote it (\n, \x1b, \u202e), and invalid UTF-8
// bytes as \xNN, so s prints as one line of visible text.
func String(s string) string {
	if !needsEscape(s, false) {
		return s
	}
	var b strings.Builder
	escape(&b, s, false)
	return b.String()
}

func needsEscape(s string, keepLines bool) bool {
	for _, r := range s {
		if r == utf8.RuneError || (unsafe(r) && !(keepLines && (r == '\n' || r == '\t'))) {
			return true
		}
	}
	return false
}

func escape(b *strings.Builder, s string, keepLines bool) {
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(b, `\x%02x`, s[i])
		case keepLines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case unsafe(r) && r < 0x100:
			fmt.Fprintf(b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
}

// Writer passes text to W with every unsafe character except line breaks
// and tabs escaped as String escapes them: the CLI's own layout survives,
// a control sequence inside a value does not. A character split across two
// writes (by a buffered writer upstream) is held until it is whole; Flush
// writes what is held at the end.
type Writer struct {
	W       io.Writer
	pending []byte
}

// Write escapes p and writes it to W. It reports len(p) on success, as its
// callers expect of an io.Writer.
func (w *Writer) Write(p []byte) (int, error) {
	data := p
	if len(w.pending) > 0 {
		data = append(w.pending, p...)
		w.pending = nil
	}
	// Hold back an incomplete character at the end.
	cut := len(data)
	for back := 1; back < utf8.UTFMax && back <= len(data); back++ {
		if utf8.RuneStart(data[len(data)-back]) {
			if !utf8.FullRune(data[len(data)-back:]) {
				cut = len(data) - back
			}
			break
		}
	}
	w.pending = append(w.pending, data[cut:]...)
	if err := w.write(string(data[:cut])); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes the bytes held back, escaped: they never became a whole
// character.
func (w *Writer) Flush() error {
	rest := string(w.pending)
	w.pending = nil
	return w.write(rest)
}

func (w *Writer) write(s string) error {
	if !needsEscape(s, true) {
		_, err := io.WriteString(w.W, s)
		return err
	}
	var b strings.Builder
	escape(&b, s, true)
	_, err := io.WriteString(w.W, b.String())
	return err
}
