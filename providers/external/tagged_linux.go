package external

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
	"time"
)

// killTagged kills every process whose environment carries the run's
// token: the program's descendants, also those that left its process
// group with setsid and were reparented away from it. Only a descendant
// that replaced its whole environment escapes. A process that forks while
// the scan runs is caught by the next round.
func killTagged(token string) {
	needle := []byte(runTokenEnv + "=" + token + "\x00")
	self := os.Getpid()
	quiet := 0
	for range 20 {
		entries, err := os.ReadDir("/proc")
		if err != nil {
			return
		}
		killed := 0
		for _, e := range entries {
			pid, err := strconv.Atoi(e.Name())
			if err != nil || pid == self {
				continue
			}
			env, err := os.ReadFile("/proc/" + e.Name() + "/environ")
			if err != nil {
				continue // gone, or another user's
			}
			if bytes.HasPrefix(env, needle) || bytes.Contains(env, append([]byte{0}, needle...)) {
				if syscall.Kill(pid, syscall.SIGKILL) == nil {
					killed++
				}
			}
		}
		// A descendant between fork and exec may not show its environment
		// yet: stop only after three quiet rounds.
		if killed == 0 {
			if quiet++; quiet == 3 {
				return
			}
		} else {
			quiet = 0
		}
		time.Sleep(10 * time.Millisecond)
	}
}
