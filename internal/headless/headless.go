// Package headless drives a headless Chromium over the DevTools protocol
// (chromedp), for the test of the HTML report and for make screenshot. It
// starts the browser with a fresh profile, no sandbox and no GPU, and
// records the console errors, uncaught exceptions and browser log errors
// (a blocked or failed request) of the page it opens.
package headless

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/chromedp/chromedp"
)

// ErrNoBrowser is returned by Find when no Chromium is installed.
var ErrNoBrowser = errors.New("no chromium, chromium-browser or google-chrome on PATH (Debian: apt-get install chromium)")

// Find returns the path of the Chromium to run.
func Find() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Browser is a running headless Chromium with one tab.
type Browser struct {
	// Ctx is the tab's context, for chromedp.Run and chromedp.Do.
	Ctx    context.Context
	cancel []context.CancelFunc

	mu     sync.Mutex
	errors []string
	marks  map[string]chan struct{}
}

// Sync waits until every console message the page wrote before it has
// been recorded: it writes a mark to the console and waits for it.
func (b *Browser) Sync() error {
	b.mu.Lock()
	if b.marks == nil {
		b.marks = map[string]chan struct{}{}
	}
	mark := fmt.Sprintf("annexa-headless-sync-%d", len(b.errors))
	seen := make(chan struct{})
	b.marks[mark] = seen
	b.mu.Unlock()
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`console.debug(`+strconv.Quote(mark)+`), true`)); err != nil {
		return fmt.Errorf("console sync: %w", err)
	}
	select {
	case <-seen:
		return nil
	case <-b.Ctx.Done():
		return fmt.Errorf("console sync: %w", b.Ctx.Err())
	}
}

// Start runs the Chromium at execPath with the profile directory
// userDataDir (which should be new and empty) and a window of width ×
// height, and opens a tab whose console errors Errors returns. Close
// stops it.
func Start(ctx context.Context, execPath, userDataDir string, width, height int) (*Browser, error) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(execPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(userDataDir),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(width, height),
		chromedp.Flag("hide-scrollbars", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tctx, cancelTab := chromedp.NewContext(actx)
	b := &Browser{Ctx: tctx, cancel: []context.CancelFunc{cancelTab, cancelAlloc}}
	// Start the browser, then subscribe to its console before any page
	// loads.
	if err := chromedp.Do(tctx); err != nil {
		b.Close()
		return nil, fmt.Errorf("start %s: %w", execPath, err)
	}
	messages := chromedp.Console(tctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			b.mu.Lock()
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.errors = append(b.errors, fmt.Sprintf("%s %s:%d: %s", m.Type, m.URL, m.Line+1, m.Text))
			}
			if seen, ok := b.marks[m.Text]; ok && m.Type == chromedp.ConsoleDebug {
				close(seen)
				delete(b.marks, m.Text)
			}
			b.mu.Unlock()
		}
	}()
	return b, nil
}

// Errors returns the console errors, uncaught exceptions and error log
// entries seen so far.
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

// Close stops the browser.
func (b *Browser) Close() {
	for _, c := range b.cancel {
		c()
	}
}

// FileURL is the file:// URL of a local file.
func FileURL(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("file url: %w", err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String(), nil
}
