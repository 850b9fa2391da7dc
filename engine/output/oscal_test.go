package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/annexa-dev/annexa/engine"
)

// compileOSCALSchema compiles the official OSCAL 1.1.3 assessment-results
// JSON schema (testdata/README.md says where it comes from).
func compileOSCALSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "oscal-1.1.3-assessment-results.schema.json"))
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
	return c.MustCompile(url)
}

func writeOSCAL(t *testing.T, r *engine.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := (OSCAL{}).Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOSCALValidatesAgainstTheSchema(t *testing.T) {
	schema := compileOSCALSchema(t)
	// The schema must bite: a document without its required import-ap,
	// or with a property value over two lines, is rejected.
	for _, breakIt := range []func(map[string]any){
		func(ar map[string]any) { delete(ar, "import-ap") },
		func(ar map[string]any) {
			ar["metadata"].(map[string]any)["props"].([]any)[0].(map[string]any)["value"] = "a\nb"
		},
	} {
		var doc map[string]any
		if err := json.Unmarshal(writeOSCAL(t, formatsReport()), &doc); err != nil {
			t.Fatal(err)
		}
		breakIt(doc["assessment-results"].(map[string]any))
		if err := schema.Validate(doc); err == nil {
			t.Fatal("the schema accepts a broken document")
		}
	}
	multiline := formatsReport()
	multiline.Findings[0].Message = "  line one\nline two  "
	multiline.Findings[0].Remediation = "Fix it.\n\nThen check again."
	multiline.Risks.Risks[0].Owner = ""
	multiline.Tool.Version = "v0.0.0-20261120-abcdef (devel)"
	for _, tt := range []struct {
		name string
		r    *engine.Report
	}{
		{"every kind of finding, control and clause", formatsReport()},
		{"risks and the SoA", rollupReport()},
		{"empty report", &engine.Report{Tool: engine.Tool{Name: "annexa", Version: "test"}, EffectiveTime: at, SoA: &engine.SoA{}}},
		{"multi-line and empty values", multiline},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var doc any
			if err := json.Unmarshal(writeOSCAL(t, tt.r), &doc); err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Errorf("not valid OSCAL %s assessment results: %#v", OSCALVersion, err)
			}
		})
	}
}

// oscalRead is the part of an OSCAL document the tests read back.
type oscalRead struct {
	AR struct {
		UUID     string
		Metadata struct {
			OSCALVersion string `json:"oscal-version"`
		}
		Results []struct {
			UUID         string
			Observations []struct {
				UUID, Title, Description string
				Props                    []struct{ Name, Value string }
				RelevantEvidence         []struct{ Href, Description string } `json:"relevant-evidence"`
			}
			Findings []struct {
				UUID   string
				Target struct {
					TargetID string `json:"target-id"`
					Status   struct{ State, Reason string }
				}
				RelatedObservations []struct {
					ObservationUUID string `json:"observation-uuid"`
				} `json:"related-observations"`
				RelatedRisks []struct {
					RiskUUID string `json:"risk-uuid"`
				} `json:"related-risks"`
			}
			Risks []struct {
				UUID, Title, Status string
			}
			ReviewedControls struct {
				ControlSelections []struct {
					IncludeControls []struct {
						ControlID string `json:"control-id"`
					} `json:"include-controls"`
					ExcludeControls []struct {
						ControlID string `json:"control-id"`
					} `json:"exclude-controls"`
				} `json:"control-selections"`
			} `json:"reviewed-controls"`
		}
	} `json:"assessment-results"`
}

func TestOSCALContent(t *testing.T) {
	r := formatsReport()
	out := writeOSCAL(t, r)
	var doc oscalRead
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.AR.Metadata.OSCALVersion != "1.1.3" || len(doc.AR.Results) != 1 {
		t.Fatalf("metadata %+v, %d results", doc.AR.Metadata, len(doc.AR.Results))
	}
	res := doc.AR.Results[0]
	if len(res.Observations) != len(r.Findings) {
		t.Fatalf("%d observations for %d findings", len(res.Observations), len(r.Findings))
	}
	uuids := map[string]bool{doc.AR.UUID: true, res.UUID: true}
	for _, o := range res.Observations {
		uuids[o.UUID] = true
	}
	for _, f := range res.Findings {
		uuids[f.UUID] = true
	}
	for _, k := range res.Risks {
		uuids[k.UUID] = true
	}
	if want := 2 + len(res.Observations) + len(res.Findings) + len(res.Risks); len(uuids) != want {
		t.Errorf("%d distinct UUIDs, want %d: two findings of one policy on one resource must differ", len(uuids), want)
	}
	ebs := res.Observations[3]
	if ebs.Description != "EBS volume is not encrypted" || ebs.Title != "EBS volumes are encrypted at rest" ||
		len(ebs.RelevantEvidence) != 1 || ebs.RelevantEvidence[0].Href != "infra/main.tf#L12" || ebs.RelevantEvidence[0].Description != "infra/main.tf:12" {
		t.Errorf("EBS observation %+v", ebs)
	}
	if odd := res.Observations[0].RelevantEvidence; len(odd) != 1 || odd[0].Href != "infra/net%20work/sg%231.tf#L3" {
		t.Errorf("a file name with a space and # must be percent-encoded: %+v", odd)
	}
	if len(res.Observations[2].RelevantEvidence) != 0 {
		t.Errorf("a finding without a file has no evidence link: %+v", res.Observations[2].RelevantEvidence)
	}
	targets := map[string]string{}
	related := map[string]int{}
	for _, f := range res.Findings {
		targets[f.Target.TargetID] = f.Target.Status.State + "/" + f.Target.Status.Reason
		related[f.Target.TargetID] = len(f.RelatedObservations)
	}
	for id, want := range map[string]string{
		"a.5.1": "not-satisfied/fail", "a.8.20": "not-satisfied/fail", "a.8.25": "not-satisfied/other", "a.8.31": "satisfied/pass",
		"clause-6.1.3": "not-satisfied/fail", "clause-7.5.1": "satisfied/pass", "clause-6": "not-satisfied/other",
	} {
		if targets[id] != want {
			t.Errorf("finding for %s: %q, want %q", id, targets[id], want)
		}
	}
	for _, id := range []string{"a.5.2", "a.8.30", "clause-9.2.2"} {
		if _, ok := targets[id]; ok {
			t.Errorf("%s was not assessed or is excluded: no finding expected", id)
		}
	}
	if related["a.8.20"] != 2 || related["a.8.24"] != 2 || related["clause-6.1.3"] != 1 || related["a.8.31"] != 0 {
		t.Errorf("related observations per target: %v", related)
	}
	sel := res.ReviewedControls.ControlSelections[0]
	if len(sel.ExcludeControls) != 1 || sel.ExcludeControls[0].ControlID != "a.8.30" || len(sel.IncludeControls) != len(r.Controls)-1 {
		t.Errorf("reviewed controls %+v", sel)
	}
	if len(res.Risks) != 1 || res.Risks[0].Status != "open" || !strings.HasPrefix(res.Risks[0].Title, "R-04: ") {
		t.Errorf("risks %+v", res.Risks)
	}

	if again := writeOSCAL(t, formatsReport()); !bytes.Equal(out, again) {
		t.Error("the same report must give the same bytes")
	}
	changed := formatsReport()
	changed.Findings[3].Message = "EBS volume a is not encrypted"
	var doc2 oscalRead
	if err := json.Unmarshal(writeOSCAL(t, changed), &doc2); err != nil {
		t.Fatal(err)
	}
	res2 := doc2.AR.Results[0]
	if doc2.AR.UUID == doc.AR.UUID || res2.UUID == res.UUID {
		t.Error("the document's and result's UUIDs must follow the content")
	}
	if res2.Observations[3].UUID == ebs.UUID || res2.Observations[4].UUID != res.Observations[4].UUID {
		t.Error("an observation's UUID follows its finding, and only its finding")
	}
	if res2.Findings[0].UUID != res.Findings[0].UUID {
		t.Error("a control's finding keeps its UUID across runs")
	}
}

func TestWaiverFromJSON(t *testing.T) {
	for _, tt := range []struct {
		name   string
		json   string
		waived bool
		text   string
	}{
		{"not waived", `{"policy":"p"}`, false, ""},
		{"waived false", `{"waived":false,"waiver":null}`, false, ""},
		{"marker only", `{"waived":true}`, true, "waived"},
		{"record", `{"waived":true,"waiver":{"expires":"2026-12-31","reason":"legacy VPC","approved_by":"sam","zeta":1,"file":"waivers.yaml","line":4,"inline":true,"policy":"c8_20.aws_sg"}}`,
			true, "reason: legacy VPC; approved_by: sam; expires: 2026-12-31; policy: c8_20.aws_sg; file: waivers.yaml; line: 4; inline: true; zeta: 1"},
		{"record alone, as engine.Finding.Waiver encodes it", `{"policy":"p","waiver":{"resource":"aws_s3_bucket.*","reason":"r","approved_by":"a","expires":"2027-01-31"}}`,
			true, "reason: r; approved_by: a; expires: 2027-01-31; resource: aws_s3_bucket.*"},
		{"record without marker", `{"waiver":{"reason":"r"}}`, true, "reason: r"},
		{"marker as text", `{"waived":"inline"}`, true, "waived"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fields, waived := waiverFromJSON([]byte(tt.json))
			if waived != tt.waived {
				t.Fatalf("waived %v, want %v", waived, tt.waived)
			}
			if waived && waiverText(fields) != tt.text {
				t.Errorf("waiver %q, want %q", waiverText(fields), tt.text)
			}
		})
	}
	if _, waived := waiverOf(formatsReport().Findings[0]); waived {
		t.Error("a finding without waiver data is not waived")
	}
}
