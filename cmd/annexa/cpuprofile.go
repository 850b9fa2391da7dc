package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// cpuProfile is the hidden --cpuprofile and --memprofile flags: they
// write a Go CPU profile of the whole command, and a heap profile (with
// every allocation it made) at its end, for measuring annexa itself (go
// tool pprof). They are for developers and not part of the documented
// interface.
type cpuProfile struct {
	path, memPath string
	file          *os.File
}

func (p *cpuProfile) addFlags(root *cobra.Command) {
	root.PersistentFlags().StringVar(&p.path, "cpuprofile", "", "write a Go CPU profile of the command to `FILE`")
	root.PersistentFlags().StringVar(&p.memPath, "memprofile", "", "write a Go heap profile at the end of the command to `FILE`")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	_ = root.PersistentFlags().MarkHidden("memprofile")
	root.PersistentPreRunE = func(*cobra.Command, []string) error { return p.start() }
}

func (p *cpuProfile) start() error {
	if p.path == "" {
		return nil
	}
	f, err := os.Create(p.path)
	if err != nil {
		return inputError(fmt.Errorf("--cpuprofile: %w", err))
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return inputError(fmt.Errorf("--cpuprofile: %w", err))
	}
	p.file = f
	return nil
}

// stop ends a profile that start began and writes the heap profile; it is
// safe to call when neither was asked for.
func (p *cpuProfile) stop() error {
	if p.memPath != "" {
		if err := writeHeapProfile(p.memPath); err != nil {
			return err
		}
	}
	if p.file == nil {
		return nil
	}
	pprof.StopCPUProfile()
	err := p.file.Close()
	p.file = nil
	if err != nil {
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	return nil
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("--memprofile: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return nil
}
