//go:build unix

package tfsource

import (
	"os"
	"syscall"
)

// openRegular opens name for reading without following a final symbolic
// link and without blocking on a FIFO or device that took the place of a
// checked file; the caller checks the opened file's mode.
func openRegular(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}
