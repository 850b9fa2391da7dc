// Command screenshot renders an HTML report of annexa in headless Chromium
// and writes PNG screenshots of it, as `make screenshot` runs it:
//
//	go run ./internal/cmd/screenshot -in build/screenshots/demo.html -out build/screenshots
//
// It writes overview.png (the first screen: totals and the heat map),
// control.png (the first screen of the first failing control, its
// findings open), risks.png and clauses.png (those sections, when the
// report has them), full.png (the whole page) and print.png (the whole
// page as printing lays it out: every section open). It fails when the page
// writes a console error, throws, or tries to load anything. Exit codes:
// 0 written, 1 the page or the browser failed, 2 usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/annexa-dev/annexa/internal/headless"
)

func main() {
	in := flag.String("in", "", "the HTML report to render")
	out := flag.String("out", "build/screenshots", "the directory to write the PNGs to")
	width := flag.Int("width", 1280, "the window width in pixels")
	height := flag.Int("height", 900, "the window height in pixels")
	flag.Parse()
	if *in == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: screenshot -in REPORT.html [-out DIR] [-width N] [-height N]")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	files, err := run(ctx, *in, *out, *width, *height)
	if err != nil {
		fmt.Fprintf(os.Stderr, "screenshot: %v\n", err)
		os.Exit(1)
	}
	for _, f := range files {
		fmt.Println(f)
	}
}

func run(ctx context.Context, in, out string, width, height int) ([]string, error) {
	exe, err := headless.Find()
	if err != nil {
		return nil, err
	}
	u, err := headless.FileURL(in)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", out, err)
	}
	profile, err := os.MkdirTemp("", "annexa-screenshot-")
	if err != nil {
		return nil, fmt.Errorf("profile directory: %w", err)
	}
	defer os.RemoveAll(profile)
	b, err := headless.Start(ctx, exe, profile, width, height)
	if err != nil {
		return nil, err
	}
	defer b.Close()

	var written []string
	shot := func(name string, a chromedp.Action[[]byte]) error {
		png, err := chromedp.Run(b.Ctx, a)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		path := filepath.Join(out, name)
		if err := os.WriteFile(path, png, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		written = append(written, path)
		return nil
	}
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.ID("heatmap"))); err != nil {
		return nil, fmt.Errorf("open %s: %w", in, err)
	}
	if err := shot("overview.png", chromedp.CaptureScreenshot()); err != nil {
		return nil, err
	}
	if err := shot("full.png", chromedp.FullScreenshot(100)); err != nil {
		return nil, err
	}
	for _, section := range []string{"risks", "clauses"} {
		n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll("#`+section+`").length`))
		if err != nil {
			return nil, err
		}
		if n > 0 {
			if err := shot(section+".png", chromedp.Screenshot(chromedp.ID(section))); err != nil {
				return nil, err
			}
		}
	}
	first, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`(document.querySelector("#controls details.control") || {id: ""}).id`))
	if err != nil {
		return nil, err
	}
	if first != "" {
		if err := chromedp.Do(b.Ctx, chromedp.Navigate(u+"#"+first), chromedp.WaitVisible(chromedp.CSS("#"+strings.ReplaceAll(first, ".", `\.`)+" > :not(summary)"))); err != nil {
			return nil, fmt.Errorf("open %s: %w", first, err)
		}
		if err := shot("control.png", chromedp.CaptureScreenshot()); err != nil {
			return nil, err
		}
	}
	// Lay the page out as printing does: the print style sheet, and every
	// section opened by the page's beforeprint handler.
	if _, err := chromedp.Call(b.Ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		return nil, fmt.Errorf("emulate print: %w", err)
	}
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`window.dispatchEvent(new Event("beforeprint")), true`)); err != nil {
		return nil, err
	}
	if err := shot("print.png", chromedp.FullScreenshot(100)); err != nil {
		return nil, err
	}
	if err := b.Sync(); err != nil {
		return nil, err
	}
	if errs := b.Errors(); len(errs) > 0 {
		return written, errors.New("the page reported errors:\n" + strings.Join(errs, "\n"))
	}
	return written, nil
}
