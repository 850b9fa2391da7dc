//go:build !linux

package main

// preferHugePages does nothing where transparent huge pages are not
// Linux's: see hugepages_linux.go.
func preferHugePages(int64) (uintptr, int64) { return 0, 0 }
