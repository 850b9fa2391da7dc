package output

import (
	"encoding/json"
	"io"

	"github.com/annexa-dev/annexa/engine"
)

// JSON writes the whole report as indented JSON.
type JSON struct{}

// Write implements Writer.
func (JSON) Write(w io.Writer, r *engine.Report) error { return encodeJSON(w, r) }

// encodeJSON writes v as every JSON output of annexa is written: indented
// by two spaces, with <, > and & as they are.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
