package output

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/internal/headless"
)

// htmlReport is formatsReport with text that must be escaped and a
// control status the writer does not know.
func htmlReport() *engine.Report {
	r := formatsReport()
	r.Findings[2].Message = `No policy on file <script>alert("x")</script> & more`
	r.Controls = append(r.Controls, engine.ControlResult{ID: "8.32", Title: "Change management", Theme: "technological", Status: "under_review", Assessed: 1})
	summarize(r)
	return r
}

// summarize fills a test report's summary in from its controls and
// findings, as the engine does.
func summarize(r *engine.Report) {
	s := engine.Summary{Facts: 40, Policies: len(r.Policies), Controls: len(r.Controls), Findings: len(r.Findings),
		ByStatus: map[engine.Status]int{}, ByTheme: map[string]map[engine.Status]int{}, BySeverity: map[engine.Severity]int{},
		Clauses: map[engine.ClauseStatus]int{}}
	for _, c := range r.Controls {
		s.ByStatus[c.Status]++
		if s.ByTheme[c.Theme] == nil {
			s.ByTheme[c.Theme] = map[engine.Status]int{}
		}
		s.ByTheme[c.Theme][c.Status]++
	}
	for _, f := range r.Findings {
		s.BySeverity[f.Severity]++
	}
	for _, c := range r.Clauses {
		s.Clauses[c.Status]++
	}
	r.Summary = s
}

func writeHTML(t *testing.T, r *engine.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := (HTML{}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestHTMLSelfContainedAndDeterministic(t *testing.T) {
	out := writeHTML(t, htmlReport())
	if again := writeHTML(t, htmlReport()); !bytes.Equal(out, again) {
		t.Fatal("the same report must give the same bytes")
	}
	page := string(out)
	// Nothing is loaded: no src or href leaves the page, no @import or
	// url() in the style.
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*"(?:[a-z]+:|//)[^"]*"|@import|url\(`).FindString(page); m != "" {
		t.Errorf("the page refers to something outside it: %s", m)
	}
	for _, want := range []string{
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`,
		`No policy on file &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more`,
		`<a class="tile st-other" href="#control-8.32" title="8.32 Change management: under review">8.32</a>`,
		`<span class="badge st-other">under review</span>`,
		`<a class="tile st-fail" href="#control-8.24"`,
		`<td class="band-high" title="likelihood 4, impact 4">1</td>`,
		`<code>infra/main.tf:12</code>`,
		`id="soa"`, `id="clauses"`, `id="risks"`, `id="warnings"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, `<script>alert`) {
		t.Error("a finding's message is not escaped")
	}
	if n, want := strings.Count(page, `class="tile `), len(htmlReport().Controls); n != want {
		t.Errorf("%d heat map tiles, want one per control (%d)", n, want)
	}
	if strings.Contains(page, `id="waivers"`) {
		t.Error("no finding is waived: no waivers section")
	}
	empty := string(writeHTML(t, &engine.Report{Tool: engine.Tool{Name: "annexa", Version: "test"}, EffectiveTime: at}))
	if !strings.Contains(empty, "No control fails") || strings.Contains(empty, `id="risks"`) {
		t.Errorf("an empty report has a verdict and no risk section:\n%s", empty)
	}
}

// TestHTMLInChromium opens the page in headless Chromium and reads what
// it renders; no console error, blocked request or exception may occur.
// It skips only when no Chromium is installed (CI installs it: .ci/run).
func TestHTMLInChromium(t *testing.T) {
	exe, err := headless.Find()
	if err != nil {
		t.Skip(err)
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, writeHTML(t, htmlReport()), 0o644); err != nil {
		t.Fatal(err)
	}
	u, err := headless.FileURL(file)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	b, err := headless.Start(ctx, exe, filepath.Join(dir, "profile"), 1280, 900)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	if err := chromedp.Do(b.Ctx, chromedp.Navigate(u+"#control-8.24"), chromedp.WaitVisible(chromedp.CSS(`#control-8\.24 table.findings`))); err != nil {
		t.Fatalf("the link to a control must open its details: %v", err)
	}
	text, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"ISO/IEC 27001:2022 report",
		"3 of 8 controls fail; 6 findings.",
		"Heat map of the controls by theme",
		"EBS volume is not encrypted", // in the details opened by the link
		"infra/main.tf:12",
		"Clause conformance",
		"Statement of Applicability",
		"Risk R-04 is above the appetite",
		"Input warnings",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("rendered text lacks %q", want)
		}
	}
	if strings.Contains(text, "port 22 open to the world") {
		t.Error("details of a control not linked to must start closed")
	}

	type page struct {
		Tiles    int    `json:"tiles"`
		FailBG   string `json:"failBG"`
		OtherBG  string `json:"otherBG"`
		Closed   int    `json:"closed"`
		Printing int    `json:"printing"`
		Restored int    `json:"restored"`
	}
	got, err := chromedp.Run(b.Ctx, chromedp.Evaluate[page](`(() => {
		const closed = () => document.querySelectorAll("details:not([open])").length;
		const bg = sel => getComputedStyle(document.querySelector(sel)).backgroundColor;
		const p = {tiles: document.querySelectorAll(".tile").length, failBG: bg(".tile.st-fail"), otherBG: bg(".tile.st-other"), closed: closed()};
		window.dispatchEvent(new Event("beforeprint"));
		p.printing = closed();
		window.dispatchEvent(new Event("afterprint"));
		p.restored = closed();
		return p;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Tiles != 8 || got.FailBG != "rgb(198, 40, 40)" || got.OtherBG != "rgb(141, 141, 141)" {
		t.Errorf("heat map: %+v (8 tiles; the inline style must apply: fail red, an unknown status grey)", got)
	}
	if got.Closed == 0 || got.Printing != 0 || got.Restored != got.Closed {
		t.Errorf("printing must open every section and restore them after: %+v", got)
	}
	if _, err := chromedp.Call(b.Ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	nav, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("nav")).display`))
	if err != nil {
		t.Fatal(err)
	}
	if nav != "none" {
		t.Errorf("printed, the navigation is %q, want hidden", nav)
	}
	if err := b.Sync(); err != nil {
		t.Fatal(err)
	}
	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}
