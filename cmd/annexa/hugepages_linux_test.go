package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestHugePageSpan(t *testing.T) {
	const mib = 1 << 20
	madvise := thpSystem{mode: "always [madvise] never", overcommit: "0", pageSize: 4096, totalRAM: 8 << 30}
	with := func(change func(*thpSystem)) thpSystem {
		s := madvise
		change(&s)
		return s
	}
	for _, c := range []struct {
		name string
		heap int64
		sys  thpSystem
		want int64
	}{
		{"madvise mode: whole huge pages", 300*mib + 123, madvise, 300 * mib},
		{"less than one huge page", mib, madvise, 0},
		{"at most half the memory", 6 << 30, madvise, 4 << 30},
		{"always mode", 300 * mib, with(func(s *thpSystem) { s.mode = "[always] madvise never" }), 0},
		{"never mode", 300 * mib, with(func(s *thpSystem) { s.mode = "always madvise [never]" }), 0},
		{"no THP in the kernel", 300 * mib, with(func(s *thpSystem) { s.mode = "" }), 0},
		{"no overcommit", 300 * mib, with(func(s *thpSystem) { s.overcommit = "2" }), 0},
		{"heuristic overcommit", 300 * mib, with(func(s *thpSystem) { s.overcommit = "1" }), 300 * mib},
		{"GODEBUG=disablethp=1", 300 * mib, with(func(s *thpSystem) { s.godebug = "gctrace=1, disablethp=1" }), 0},
		{"GODEBUG=disablethp=0", 300 * mib, with(func(s *thpSystem) { s.godebug = "disablethp=0" }), 300 * mib},
		{"64 KiB base pages", 300 * mib, with(func(s *thpSystem) { s.pageSize = 65536 }), 0},
		{"memory unknown", 300 * mib, with(func(s *thpSystem) { s.totalRAM = 0 }), 0},
	} {
		if got := hugePageSpan(c.heap, c.sys); got != c.want {
			t.Errorf("%s: hugePageSpan(%d) = %d, want %d", c.name, c.heap, got, c.want)
		}
	}
}

// hugePagesChild is set in the process TestPreferHugePages starts: the
// advice changes the whole process's heap, so it is given in a process of
// its own.
const hugePagesChild = "ANNEXA_TEST_HUGEPAGES_CHILD"

// TestPreferHugePages checks, in a process of its own, that the advised
// range is huge-page advised (the "hg" flag in /proc/self/smaps), that the
// heap grows into it, and that what grows there is backed by huge pages.
// It is skipped where the system does not take the advice.
func TestPreferHugePages(t *testing.T) {
	if os.Getenv(hugePagesChild) == "1" {
		hugePagesInChild(t)
		return
	}
	if hugePageSpan(64<<20, hugePageSystem()) == 0 {
		t.Skip("this system gives no huge pages on advice (not in the madvise mode, or no overcommit)")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPreferHugePages$", "-test.v")
	cmd.Env = append(os.Environ(), hugePagesChild+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "--- SKIP") {
		t.Skipf("child skipped:\n%s", out)
	}
}

func hugePagesInChild(t *testing.T) {
	const heap = 64 << 20
	start, n := preferHugePages(heap)
	if n == 0 {
		t.Skip("the kernel refused the advice")
	}
	if n != heap || start%hugePageBytes != 0 {
		t.Fatalf("advised %d bytes at %#x; want %d at a huge page boundary", n, start, heap)
	}
	flags, anonHuge, err := vmaOf(start)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Fatalf("the advised range's VmFlags are %q, without hg", flags)
	}
	// The space freed below the advised range, to align it, is reused
	// first: less than a huge page.
	b := make([]byte, 32<<20)
	at := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if at+hugePageBytes < start || at+uintptr(len(b)) > start+uintptr(n) {
		t.Fatalf("a 32 MiB allocation is at %#x, not in the advised range %#x+%d", at, start, n)
	}
	fallbacks := thpFallbacks(t)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	if _, anonHuge, err = vmaOf(start); err != nil {
		t.Fatal(err)
	}
	// A kernel short of free huge pages falls back to small ones: the
	// advice was taken, and the system could not honour it this time.
	if n := thpFallbacks(t) - fallbacks; n > 0 && anonHuge < 16<<20 {
		t.Skipf("the kernel fell back to small pages %d times (thp_fault_fallback)", n)
	}
	if anonHuge < 16<<20 {
		t.Errorf("32 MiB touched in the advised range, but only %d kB of it on huge pages", anonHuge>>10)
	}
}

// thpFallbacks is the system's count of huge page faults that fell back
// to small pages (thp_fault_fallback in /proc/vmstat).
func thpFallbacks(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/vmstat")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "thp_fault_fallback "); ok {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				t.Fatalf("/proc/vmstat: %q: %v", line, err)
			}
			return n
		}
	}
	return 0
}

// vmaOf reads /proc/self/smaps for the mapping holding addr: its VmFlags
// and its AnonHugePages in bytes.
func vmaOf(addr uintptr) (flags string, anonHuge int64, err error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if lo, hi, ok := strings.Cut(fields[0], "-"); ok && !strings.HasSuffix(fields[0], ":") {
			l, err1 := strconv.ParseUint(lo, 16, 64)
			h, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				if in {
					break
				}
				in = uint64(addr) >= l && uint64(addr) < h
				continue
			}
		}
		if !in {
			continue
		}
		switch fields[0] {
		case "AnonHugePages:":
			kb, _ := strconv.ParseInt(fields[1], 10, 64)
			anonHuge = kb << 10
		case "VmFlags:":
			flags = strings.Join(fields[1:], " ")
		}
	}
	if err := sc.Err(); err != nil {
		return "", 0, err
	}
	if flags == "" {
		return "", 0, fmt.Errorf("no mapping in /proc/self/smaps holds %#x", addr)
	}
	return flags, anonHuge, nil
}
