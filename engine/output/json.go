package output

import (
	"encoding/json"
	"io"

	"github.com/annexa-dev/annexa/engine"
)

// JSON writes the whole report as indented JSON.
type JSON struct{}

// Write implements Writer.
func (JSON) Write(w io.Writer, r *engine.Report) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
