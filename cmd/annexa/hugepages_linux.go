package main

import (
	"bytes"
	"os"
	"runtime/debug"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugePageBytes is the size of a transparent huge page where the base page
// is 4 KiB (x86-64, and arm64 as most distributions build it).
const hugePageBytes = 2 << 20

// preferHugePages asks the kernel to back the first heapBytes of the Go
// heap with transparent huge pages, when the system gives them only to
// memory that asks for them (the "madvise" mode, the default of Debian and
// Ubuntu among others).
//
// A run over a Terraform plan fills a heap of hundreds of megabytes once,
// and on 4 KiB pages each page is a fault that zeroes it: 64,000 faults, a
// sixth of the CPU time of a 15k-resource plan. On 2 MiB pages they are a
// few thousand. The Go runtime gives its heap no such advice and maps the
// heap as it grows, so the only way to give it is to have the runtime map
// the space first: one allocation of that size, advised, then freed and
// returned to the system untouched. The runtime reuses freed address
// space, lowest first, before it maps more, so the run's heap grows into
// the advised space. Should a later runtime place its heap elsewhere, the
// advice is lost and nothing else changes.
//
// It returns the address range advised, for tests: none when nothing was
// done (hugePageSpan says when).
func preferHugePages(heapBytes int64) (start uintptr, n int64) {
	n = hugePageSpan(heapBytes, hugePageSystem())
	if n == 0 {
		return 0, 0
	}
	b := make([]byte, n+hugePageBytes)
	base := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	off := (hugePageBytes - base%hugePageBytes) % hugePageBytes
	// A kernel built without transparent huge pages refuses the advice,
	// which changes nothing for the run; the space is returned either way.
	err := unix.Madvise(b[off:off+uintptr(n)], unix.MADV_HUGEPAGE)
	b = nil
	debug.FreeOSMemory()
	if err != nil {
		return 0, 0
	}
	return base + off, n
}

// thpSystem is what decides whether advice for huge pages is worth giving.
type thpSystem struct {
	mode       string // /sys/kernel/mm/transparent_hugepage/enabled
	overcommit string // /proc/sys/vm/overcommit_memory
	godebug    string // GODEBUG
	pageSize   int
	totalRAM   int64
}

func hugePageSystem() thpSystem {
	s := thpSystem{godebug: os.Getenv("GODEBUG"), pageSize: os.Getpagesize()}
	if b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled"); err == nil {
		s.mode = string(bytes.TrimSpace(b))
	}
	if b, err := os.ReadFile("/proc/sys/vm/overcommit_memory"); err == nil {
		s.overcommit = string(bytes.TrimSpace(b))
	}
	var info unix.Sysinfo_t
	if unix.Sysinfo(&info) == nil {
		s.totalRAM = int64(info.Totalram) * int64(info.Unit)
	}
	return s
}

// hugePageSpan is how much of the heap to advise: heapBytes in whole huge
// pages, at most half the machine's memory (untouched space costs nothing,
// but the kernel may refuse a mapping larger than its memory). It is none
//   - on a 32-bit platform, whose address space is too small to set aside;
//   - where base pages are not 4 KiB, and huge pages not 2 MiB;
//   - when the system is not in the madvise mode: in "always" the heap
//     gets huge pages anyway, and in "never" it gets none;
//   - when the system refuses to overcommit memory (overcommit_memory 2),
//     where mapped space counts as used;
//   - with GODEBUG=disablethp=1, the Go runtime's own switch against huge
//     pages for its heap, which also turns this off.
func hugePageSpan(heapBytes int64, s thpSystem) int64 {
	if unsafe.Sizeof(uintptr(0)) < 8 || s.pageSize != 4096 {
		return 0
	}
	if !strings.Contains(s.mode, "[madvise]") || s.overcommit == "2" || s.totalRAM <= 0 {
		return 0
	}
	for _, setting := range strings.Split(s.godebug, ",") {
		if strings.TrimSpace(setting) == "disablethp=1" {
			return 0
		}
	}
	n := min(heapBytes, s.totalRAM/2)
	return n &^ (hugePageBytes - 1)
}
