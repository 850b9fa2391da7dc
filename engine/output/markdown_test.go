package output

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers/facts"
)

func writeMarkdown(t *testing.T, m Markdown, r *engine.Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := m.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestMarkdown(t *testing.T) {
	out := writeMarkdown(t, Markdown{}, htmlReport())
	for _, want := range []string{
		"## annexa: ISO/IEC 27001:2022 Annex A\n",
		"**3 of 8 controls fail**, 6 findings (2 critical, 3 high, 1 medium).",
		"| theme | pass | fail | waived | not applicable | not assessed | error | under review |",
		"| technological | 1 | 2 | 0 | 1 | 0 | 1 | 1 |",
		"| **all** | **1** | **3** | **0** | **1** | **1** | **1** | **1** |",
		// Failing first, then errors, then statuses the writer does not know.
		"| 5.1 Policies for information security | organizational | fail | 1 | high |\n" +
			"| 8.20 Networks security | technological | fail | 2 | critical |\n" +
			"| 8.24 Use of cryptography | technological | fail | 2 | high |\n" +
			"| 8.25 Secure development life cycle | technological | error | 0 |  |\n" +
			"| 8.32 Change management | technological | under review | 0 |  |\n",
		"<details><summary>8.24 Use of cryptography: fail, 2 findings</summary>",
		"| high | `c8_24.aws_ebs` | `aws_ebs_volume.a` | `infra/main.tf:12` | EBS volume is not encrypted |",
		"| medium | `c8_24.aws_kms_rotation` | `aws_kms_key.data` | `plans/tfplan.json` | KMS key does not rotate |",
		"| high | `c5_1.policy_documents` | `missing:policy/information_security` |  | No policy on file &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; more |",
		"<details><summary>8.25 Secure development life cycle: error, 0 findings</summary>\n\nc8_25.x: evaluation timed out",
		"<details><summary>Findings against clauses: 1 finding</summary>",
		"| 6.1.3 Information security risk treatment | nonconformant | Risk R-04 has no valid acceptance |",
		"| R-04 | SVC-GOOGLE-WORKSPACE | 16 high | 16 high | ABOVE APPETITE (6), not accepted |",
		"<details><summary>Other controls: 1 pass, 1 not assessed, 1 not applicable</summary>",
		"<details><summary>Input warnings: 2</summary>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks:\n%s\n--- got:\n%s", want, out)
		}
	}
	for _, unwanted := range []string{"<script>", "Cut to stay under", "Waived findings"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("markdown has %q", unwanted)
		}
	}
	if again := writeMarkdown(t, Markdown{}, htmlReport()); again != out {
		t.Error("the same report must give the same bytes")
	}
}

// bigReport has n findings spread over every control of the demo's size.
func bigReport(n int) *engine.Report {
	r := htmlReport()
	r.Controls = nil
	r.Findings = nil
	for i := range 93 {
		r.Controls = append(r.Controls, engine.ControlResult{ID: fmt.Sprintf("8.%d", i+1), Title: "A control with a long enough title", Theme: "technological", Status: engine.StatusFail})
	}
	for i := range n {
		c := r.Controls[i%93].ID
		r.Findings = append(r.Findings, engine.Finding{Controls: []string{c}, Policy: "c8_x.some_policy", Resource: fmt.Sprintf("aws_s3_bucket.bucket_%05d", i),
			Message: "The bucket has no server-side encryption configuration and accepts plain HTTP", Severity: engine.SeverityHigh,
			Source: &facts.Source{File: "infra/storage.tf", Line: i + 1}})
	}
	summarize(r)
	return r
}

func TestMarkdownStaysUnderTheLimit(t *testing.T) {
	for _, tt := range []struct {
		name     string
		limit    int
		findings int
		cut      string // "" when nothing may be cut
	}{
		{"small run, default limit", 0, 20, ""},
		{"large run, default limit", 0, 20000, "findings not listed"},
		{"one noisy control", 0, 60, ""},
		{"tight limit", 12000, 400, "controls without details"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := bigReport(tt.findings)
			if tt.name == "one noisy control" {
				for i := range r.Findings {
					r.Findings[i].Controls = []string{"8.1"}
				}
			}
			out := writeMarkdown(t, Markdown{Limit: tt.limit}, r)
			limit := tt.limit
			if limit == 0 {
				limit = MarkdownLimit
			}
			if len(out) > limit {
				t.Fatalf("%d bytes, over the limit %d", len(out), limit)
			}
			if !strings.Contains(out, "| 8.93 A control with a long enough title |") {
				t.Error("the table of failing controls is never cut")
			}
			cutLine := strings.Contains(out, "Cut to stay under")
			if tt.cut == "" && cutLine && tt.name != "one noisy control" {
				t.Errorf("nothing should be cut:\n%s", out[len(out)-300:])
			}
			if tt.cut != "" && (!cutLine || !strings.Contains(out, tt.cut)) {
				t.Errorf("want a closing line counting %q, got:\n%s", tt.cut, out[max(0, len(out)-400):])
			}
			if tt.name == "one noisy control" && !strings.Contains(out, "_and 10 more findings_") {
				t.Error("a control lists at most 50 findings and counts the rest")
			}
		})
	}
	// The count is exact: listed rows plus the findings cut add up.
	out := writeMarkdown(t, Markdown{}, bigReport(20000))
	listed := strings.Count(out, "| high | `c8_x.some_policy`")
	var notListed int
	if _, err := fmt.Sscanf(out[strings.Index(out, "Cut to stay under"):], "Cut to stay under 65000 characters: %d findings not listed", &notListed); err != nil {
		t.Fatal(err)
	}
	if listed+notListed != 20000 {
		t.Errorf("%d findings listed and %d counted as not listed, want 20000 in all", listed, notListed)
	}
}
