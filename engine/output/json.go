package output

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/internal/jsonscan"
)

// JSON writes the whole report as indented JSON.
type JSON struct{}

// Write implements Writer.
func (JSON) Write(w io.Writer, r *engine.Report) error { return encodeJSON(w, r) }

// encodeJSON writes v as every JSON output of annexa is written: indented
// by two spaces, with <, > and & as they are. The encoding is indented as
// it is written (indenter), not into a second copy of the whole document,
// which for a large report is hundreds of megabytes at the run's peak.
func encodeJSON(w io.Writer, v any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(&indenter{w: bw})
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return bw.Flush()
}

// indenter indents the compact JSON written to it by two spaces a level,
// as json.Indent does (an empty object or array stays {} or []), and
// writes it on to w. The JSON is the output of a json.Encoder: compact,
// with no space outside strings but the newline that ends it.
type indenter struct {
	w     *bufio.Writer
	depth int
	// str tracks the bytes of strings, which are written as they are;
	// open is set after { or [ until the next byte shows whether the
	// object or array is empty.
	str  jsonscan.Strings
	open bool
}

func (in *indenter) Write(p []byte) (int, error) {
	for _, c := range p {
		if in.str.In() {
			in.str.Step(c)
			in.w.WriteByte(c)
			continue
		}
		if in.open && c != '}' && c != ']' {
			in.open = false
			in.depth++
			in.newline()
		}
		if in.str.Step(c) {
			in.w.WriteByte(c)
			continue
		}
		switch c {
		case '{', '[':
			in.open = true
			in.w.WriteByte(c)
		case ',':
			in.w.WriteByte(c)
			in.newline()
		case ':':
			in.w.WriteString(": ")
		case '}', ']':
			if in.open {
				in.open = false
			} else {
				in.depth--
				in.newline()
			}
			in.w.WriteByte(c)
		default:
			in.w.WriteByte(c)
		}
	}
	// A bufio.Writer keeps the first error, which Flush returns.
	return len(p), nil
}

func (in *indenter) newline() {
	in.w.WriteByte('\n')
	for range in.depth {
		in.w.WriteString("  ")
	}
}
