package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

// waiveEBS is a waiver lookup that waives the EBS finding of
// formatsReport, as the waivers model records one.
func waiveEBS(f engine.Finding) ([]waiverField, bool) {
	if f.Resource != "aws_ebs_volume.a" {
		return nil, false
	}
	return waiverFromJSON([]byte(`{"waiver":{"resource":"aws_ebs_volume.*","reason":"scratch volume, <no data>","approved_by":"sam@example.com","expires":"2027-01-31","file":"waivers.yaml","line":3}}`))
}

func TestWaivedFindingsInTheReports(t *testing.T) {
	r := htmlReport()
	var md, page, oscal bytes.Buffer
	if err := (Markdown{waivers: waiveEBS}).Write(&md, r); err != nil {
		t.Fatal(err)
	}
	if err := (HTML{waivers: waiveEBS}).Write(&page, r); err != nil {
		t.Fatal(err)
	}
	if err := (OSCAL{waivers: waiveEBS}).Write(&oscal, r); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		format string
		out    string
		want   []string
	}{
		{"markdown", md.String(), []string{
			"| high | `c8_24.aws_ebs` | `aws_ebs_volume.a` | `infra/main.tf:12` | **waived** EBS volume is not encrypted |",
			"<details><summary>Waived findings: 1</summary>",
			"| `c8_24.aws_ebs` | `aws_ebs_volume.a` | `infra/main.tf:12` | reason: scratch volume, &lt;no data&gt;; approved_by: sam@example.com; expires: 2027-01-31; resource: aws_ebs_volume.*; file: waivers.yaml; line: 3 |",
		}},
		{"html", page.String(), []string{
			`<a href="#waivers">Waivers</a>`,
			`<tr class="waived"><td><span class="badge sev-high">high</span>`,
			`<span class="badge waived-mark">waived</span> EBS volume is not encrypted`,
			`<dt>reason</dt><dd>scratch volume, &lt;no data&gt;</dd><dt>approved_by</dt><dd>sam@example.com</dd><dt>expires</dt><dd>2027-01-31</dd>`,
		}},
		{"oscal", oscal.String(), []string{
			`"name": "waived",`,
			`"name": "waiver-approved_by",`,
			`"remarks": "Waived: reason: scratch volume, <no data>; approved_by: sam@example.com;`,
		}},
	} {
		for _, want := range tt.want {
			if !strings.Contains(tt.out, want) {
				t.Errorf("%s lacks %s", tt.format, want)
			}
		}
	}
	var doc any
	if err := json.Unmarshal(oscal.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if err := compileOSCALSchema(t).Validate(doc); err != nil {
		t.Errorf("OSCAL with a waived finding is not valid: %#v", err)
	}
	if strings.Count(md.String(), "**waived**") != 1 {
		t.Error("markdown: only the waived finding is marked")
	}
}
