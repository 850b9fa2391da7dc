package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// TestCheckReportsFromOneRun writes every report for people and GRC tools
// from one run of the demo organisation and checks that they agree with
// the JSON report of the same run; the OSCAL document is validated
// against the official OSCAL 1.1.3 assessment-results schema. (The HTML
// page is opened in Chromium by engine/output's TestHTMLInChromium.)
func TestCheckReportsFromOneRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	md, page, oscal := filepath.Join(dir, "annexa.md"), filepath.Join(dir, "annexa.html"), filepath.Join(dir, "annexa-oscal.json")
	res := annexa(t, "check", demoProject, "--format", "json", "--format", "markdown="+md, "--format", "html="+page, "--format", "oscal="+oscal)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (the demo has findings); stderr: %s", res.code, res.stderr)
	}
	var report struct {
		Summary struct {
			Controls, Findings int
			ByStatus           map[string]int `json:"by_status"`
		}
		Findings []struct{ Policy, Resource string }
	}
	if err := json.Unmarshal([]byte(res.stdout), &report); err != nil {
		t.Fatal(err)
	}
	failing := report.Summary.ByStatus["fail"]
	if report.Summary.Controls != 93 || failing == 0 {
		t.Fatalf("summary %+v", report.Summary)
	}
	verdict := fmt.Sprintf("%d of 93 controls fail", failing)

	read := func(path string) string {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	m := read(md)
	if !strings.Contains(m, "**"+verdict+"**, "+fmt.Sprintf("%d findings", report.Summary.Findings)) || len(m) > 65000 {
		t.Errorf("markdown: %d bytes, verdict missing or wrong:\n%.600s", len(m), m)
	}
	if n := strings.Count(m, "<details><summary>"); n < failing {
		t.Errorf("markdown: %d collapsible sections for %d failing controls", n, failing)
	}

	h := read(page)
	if !strings.Contains(h, verdict+"; "+fmt.Sprintf("%d findings", report.Summary.Findings)) {
		t.Errorf("html: verdict %q missing", verdict)
	}
	if n := strings.Count(h, `class="tile `); n != 93 {
		t.Errorf("html: %d heat map tiles, want 93", n)
	}
	for _, f := range report.Findings {
		if !strings.Contains(h, "<code>"+htmlEscape(f.Resource)+"</code>") {
			t.Errorf("html: finding %s on %s is not shown", f.Policy, f.Resource)
		}
	}

	f, err := os.Open(filepath.Join("..", "..", "engine", "output", "testdata", "oscal-1.1.3-assessment-results.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	const url = "http://csrc.nist.gov/ns/oscal/1.1.3/oscal-ar-schema.json"
	if err := c.AddResource(url, f); err != nil {
		t.Fatal(err)
	}
	schema := c.MustCompile(url)
	var doc any
	if err := json.Unmarshal([]byte(read(oscal)), &doc); err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("the demo's OSCAL is not valid OSCAL 1.1.3 assessment results: %#v", err)
	}
	var ar struct {
		AR struct {
			Results []struct {
				Observations []struct{ UUID string }
				Findings     []struct{ UUID string }
				Risks        []struct{ UUID string }
			}
		} `json:"assessment-results"`
	}
	if err := json.Unmarshal([]byte(read(oscal)), &ar); err != nil {
		t.Fatal(err)
	}
	if r := ar.AR.Results[0]; len(r.Observations) != len(report.Findings) || len(r.Risks) == 0 || len(r.Findings) == 0 {
		t.Errorf("oscal: %d observations for %d findings, %d findings, %d risks", len(r.Observations), len(report.Findings), len(r.Findings), len(r.Risks))
	}

	// The same run again gives the same bytes in every format.
	again := annexa(t, "check", demoProject, "--format", "html", "--format", "oscal="+oscal+".2")
	if again.stdout != h || !bytes.Equal([]byte(read(oscal)), []byte(read(oscal+".2"))) {
		t.Error("a second run of the same inputs must give the same HTML and OSCAL")
	}
}

// htmlEscape escapes text as html/template does in element content.
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(s)
}
