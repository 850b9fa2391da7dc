// Command annexa evaluates infrastructure and declared evidence against
// ISO/IEC 27001:2022 Annex A controls with Rego policies.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	// A policy can still reach the machine's time zone with a zone name
	// computed at evaluation time ("Lo" + "cal"), which the compiler cannot
	// refuse, and OPA reads it from time.Local; results must not depend on
	// the TZ of the machine that runs or replays them.
	time.Local = time.UTC
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
