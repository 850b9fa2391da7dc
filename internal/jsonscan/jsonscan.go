// Package jsonscan follows JSON text a byte at a time, for the few places
// that must find the bounds of values in a document (or a stream) without
// decoding it: splitting a plan's resource changes, digesting a report's
// sections, indenting a rendered report.
package jsonscan

// IsSpace reports whether c is whitespace that JSON allows between tokens.
func IsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Strings tracks whether the bytes of JSON text fall inside a string, so
// that brackets, commas and spaces within strings are not taken for
// structure. The zero value is outside any string.
type Strings struct{ in, escaped bool }

// Step takes the next byte of the text and reports whether it belongs to
// a string, its opening and closing quotes included.
func (s *Strings) Step(c byte) bool {
	if !s.in {
		s.in = c == '"'
		return s.in
	}
	switch {
	case s.escaped:
		s.escaped = false
	case c == '\\':
		s.escaped = true
	case c == '"':
		s.in = false
	}
	return true
}

// In reports whether the text so far ends inside a string: after Step
// reported a byte as a string's, false means that byte closed it.
func (s *Strings) In() bool { return s.in }
