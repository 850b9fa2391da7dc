//go:build !unix

package tfsource

import "os"

// openRegular opens name for reading; the caller checks the opened file's
// mode.
func openRegular(name string) (*os.File, error) {
	return os.Open(name)
}
