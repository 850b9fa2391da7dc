package output

import (
	"io"

	"github.com/annexa-dev/annexa/engine"
)

// HTML placeholder.
type HTML struct{}

// Write implements Writer.
func (HTML) Write(w io.Writer, r *engine.Report) error { return nil }
