package output

import (
	"bufio"
	"io"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"github.com/annexa-dev/annexa/engine"
)

// JSON writes the whole report as indented JSON.
type JSON struct{}

// Write implements Writer.
func (JSON) Write(w io.Writer, r *engine.Report) error { return encodeJSON(w, r) }

// encodeJSON writes v as every JSON output of annexa is written: as
// encoding/json's Encoder does with two spaces of indentation and <, >
// and & as they are. It is encoded by the json v2 encoder with the v1
// options, which gives the same bytes while writing the document as it
// goes, where the Encoder renders all of it in memory first and then
// indents it byte by byte: for a large report that was a second copy of
// it at the run's peak and most of the time of writing it.
func encodeJSON(w io.Writer, v any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := jsonv2.MarshalWrite(bw, v, jsonv1.DefaultOptionsV1(), jsontext.WithIndent("  "), jsontext.EscapeForHTML(false)); err != nil {
		return err
	}
	bw.WriteByte('\n')
	return bw.Flush()
}
