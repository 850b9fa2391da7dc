package output

import (
	"fmt"

	"github.com/annexa-dev/annexa/engine"
)

// Location is where in the inputs a finding is: a file, with a 1-based
// line and column where known (0 when not).
type Location struct {
	File         string
	Line, Column int
}

// String formats the location as file:line:column, leaving out what is
// unknown; "" when there is no file.
func (l Location) String() string {
	switch {
	case l.File == "":
		return ""
	case l.Line == 0:
		return l.File
	case l.Column == 0:
		return fmt.Sprintf("%s:%d", l.File, l.Line)
	}
	return fmt.Sprintf("%s:%d:%d", l.File, l.Line, l.Column)
}

// Locator finds where a finding is. The CLI gives writers one that maps a
// plan's resource to its line in the Terraform source when that is known
// (runner.Run.Locator); nil locates findings at their fact's source.
type Locator func(f engine.Finding) Location

// SourceLocation locates a finding at the source of the fact it is about.
func SourceLocation(f engine.Finding) Location {
	if f.Source == nil {
		return Location{}
	}
	return Location{File: f.Source.File, Line: f.Source.Line, Column: f.Source.Column}
}

// locate is l, or SourceLocation when l is nil.
func (l Locator) locate(f engine.Finding) Location {
	if l == nil {
		return SourceLocation(f)
	}
	return l(f)
}
