package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers/facts"
)

// formatsReport has a finding of each shape the writers place: a plan
// resource without a line, Terraform source with one, a file name needing
// percent-encoding, a missing record with no file at all, two findings of
// one policy on one resource, and a residual risk against clauses only;
// controls that fail, pass, were not assessed, are excluded and errored.
func formatsReport() *engine.Report {
	r := rollupReport()
	r.Diagnostics = diag.Diagnostics{
		{Severity: diag.Warning, Summary: "Module not evaluated", Detail: "registry modules are not fetched", File: "infra/main.tf", Line: 2, Column: 12, Source: "terraform-source"},
		{Severity: diag.Warning, Summary: "No facts to judge", Source: "annexa"},
	}
	r.Policies = []engine.Policy{
		{ID: "c5_1.policy_documents", Title: "Policies are approved, current and communicated", Controls: []string{"5.1"},
			Severity: engine.SeverityHigh, Coverage: engine.CoveragePartial, Remediation: "Approve the policy."},
		{ID: "c8_20.aws_sg", Title: "Security groups allow no ingress from anywhere", Description: "No 0.0.0.0/0 ingress.", Controls: []string{"8.20"},
			Severity: engine.SeverityCritical, Coverage: engine.CoverageFull, Remediation: "Restrict cidr_blocks."},
		{ID: "c8_24.aws_ebs", Title: "EBS volumes are encrypted at rest", Controls: []string{"8.24"},
			Severity: engine.SeverityHigh, Coverage: engine.CoveragePartial, Remediation: "Set encrypted = true."},
		{ID: "c8_24.aws_kms_rotation", Title: "KMS keys rotate", Controls: []string{"8.24"},
			Severity: engine.SeverityMedium, Coverage: engine.CoveragePartial, Remediation: "Enable rotation."},
		{ID: "c8_30.outsourced", Title: "Outsourced development is supervised", Controls: []string{"8.30"},
			Severity: engine.SeverityLow, Coverage: engine.CoverageSupporting},
		{ID: "risk.acceptance", Title: "Residual risks above the appetite are accepted by their owners", Controls: []string{}, Clauses: []string{"6.1.3", "8.3"},
			Severity: engine.SeverityHigh, Remediation: "Accept or reduce it."},
	}
	r.Controls = []engine.ControlResult{
		{ID: "5.1", Title: "Policies for information security", Theme: "organizational", Status: engine.StatusFail, Assessed: 3, Failed: 1, Findings: 1},
		{ID: "5.2", Title: "Information security roles and responsibilities", Theme: "organizational", Status: engine.StatusNotAssessed, Reason: "no policy evaluates this control yet"},
		{ID: "8.20", Title: "Networks security", Theme: "technological", Status: engine.StatusFail, Assessed: 2, Failed: 1, Findings: 2},
		{ID: "8.24", Title: "Use of cryptography", Theme: "technological", Status: engine.StatusFail, Assessed: 6, Failed: 2, Findings: 2},
		{ID: "8.25", Title: "Secure development life cycle", Theme: "technological", Status: engine.StatusError, Reason: "c8_25.x: evaluation timed out"},
		{ID: "8.30", Title: "Outsourced development", Theme: "technological", Status: engine.StatusNotApplicable, Reason: "excluded in the Statement of Applicability (soa.yaml:95): no outsourcing"},
		{ID: "8.31", Title: "Separation of development, test and production environments", Theme: "technological", Status: engine.StatusPass, Assessed: 4},
	}
	plan := &facts.Source{Provider: "terraform-plan", File: "plans/tfplan.json"}
	tf := &facts.Source{Provider: "terraform-source", File: "infra/main.tf", Line: 12}
	odd := &facts.Source{Provider: "terraform-source", File: "infra/net work/sg#1.tf", Line: 3}
	risks := &facts.Source{Provider: "risk-register", File: "risks.yaml", Line: 41}
	r.Findings = []engine.Finding{
		{Controls: []string{"8.20"}, Policy: "c8_20.aws_sg", Resource: "aws_security_group.web", Message: "port 22 open to the world", Severity: engine.SeverityCritical, Source: odd},
		{Controls: []string{"8.20"}, Policy: "c8_20.aws_sg", Resource: "aws_security_group.web", Message: "port 3389 open to the world", Severity: engine.SeverityCritical, Source: odd},
		{Controls: []string{"5.1"}, Policy: "c5_1.policy_documents", Resource: "missing:policy/information_security", Message: "No information security policy on file", Severity: engine.SeverityHigh},
		{Controls: []string{"8.24"}, Policy: "c8_24.aws_ebs", Resource: "aws_ebs_volume.a", Message: "EBS volume is not encrypted", Severity: engine.SeverityHigh, Source: tf},
		{Clauses: []string{"6.1.3", "8.3"}, Controls: []string{}, Policy: "risk.acceptance", Resource: "risk/R-04", Message: "Risk R-04 is above the appetite", Severity: engine.SeverityHigh, Remediation: "Accept or reduce it.", Source: risks},
		{Controls: []string{"8.24"}, Policy: "c8_24.aws_kms_rotation", Resource: "aws_kms_key.data", Message: "KMS key does not rotate", Severity: engine.SeverityMedium, Source: plan},
	}
	r.Clauses = []engine.ClauseResult{
		{ID: "6", Title: "Planning", Level: 1, Status: engine.ClausePartial},
		{ID: "6.1.3", Title: "Information security risk treatment", Parent: "6.1", Level: 3, Status: engine.ClauseNonconformant, Reasons: []string{"Risk R-04 has no valid acceptance"}, Rule: "clauses.c6_1_3"},
		{ID: "7.5.1", Title: "General", Parent: "7.5", Level: 3, Status: engine.ClauseConformant, Reasons: []string{"documented"}, Rule: "clauses.c7_5_1"},
		{ID: "9.2.2", Title: "Internal audit programme", Parent: "9.2", Level: 3, Status: engine.ClauseNotAssessed, Reasons: []string{"no audit records"}, Rule: "clauses.c9_2_2"},
		{ID: "10.2", Title: "Nonconformity and corrective action", Level: 2, Status: engine.ClauseError, Reasons: []string{"rule failed"}, Rule: "clauses.c10_2"},
	}
	return r
}

func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	schema := compileSARIFSchema(t)
	for _, tt := range []struct {
		name   string
		writer SARIF
		report func() *engine.Report
	}{
		{"findings of every shape", SARIF{Anchor: "annexa.yaml"}, formatsReport},
		{"no anchor", SARIF{}, formatsReport},
		{"no findings", SARIF{}, func() *engine.Report {
			r := formatsReport()
			r.Findings = []engine.Finding{}
			return r
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.writer.Write(&buf, tt.report()); err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Errorf("not valid SARIF 2.1.0: %#v", err)
			}
		})
	}
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-2.1.0.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, f); err != nil {
		t.Fatal(err)
	}
	return c.MustCompile(url)
}

// sarifDoc is the part of a SARIF log the tests read back.
type sarifDoc struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name, Version, SemanticVersion string
				Rules                          []struct {
					ID                   string
					ShortDescription     struct{ Text string }
					Help                 *struct{ Text string }
					DefaultConfiguration struct{ Level string }
					Properties           map[string]any
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful bool
			Notifications       []struct{ Level string } `json:"toolExecutionNotifications"`
		}
		Results []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation struct{ URI string }
					Region           *struct{ StartLine int }
				}
				LogicalLocations []struct{ FullyQualifiedName, Kind string }
			}
			PartialFingerprints map[string]string
		}
	}
}

func readSARIF(t *testing.T, w SARIF, r *engine.Report) (sarifDoc, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc sarifDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(doc.Runs))
	}
	return doc, buf.Bytes()
}

func TestSARIFRulesAndResults(t *testing.T) {
	doc, _ := readSARIF(t, SARIF{Anchor: "annexa.yaml"}, formatsReport())
	run := doc.Runs[0]
	rules := run.Tool.Driver.Rules
	if run.Tool.Driver.Name != "annexa" || run.Tool.Driver.Version != "test" || run.Tool.Driver.SemanticVersion != "" {
		t.Errorf("driver %+v", run.Tool.Driver)
	}
	// Every evaluated policy is a rule, in id order.
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
	}
	if want := "c5_1.policy_documents c8_20.aws_sg c8_24.aws_ebs c8_24.aws_kms_rotation c8_30.outsourced risk.acceptance"; strings.Join(ids, " ") != want {
		t.Errorf("rules %s, want %s", strings.Join(ids, " "), want)
	}
	for _, tt := range []struct {
		rule, level, security, tags string
	}{
		{"c8_20.aws_sg", "error", "9.5", "ISO27001 security A.8.20 technological"},
		{"c8_24.aws_ebs", "error", "8.0", "ISO27001 security A.8.24 technological"},
		{"c8_24.aws_kms_rotation", "warning", "5.5", "ISO27001 security A.8.24 technological"},
		{"c8_30.outsourced", "note", "3.0", "ISO27001 security A.8.30 technological"},
		{"risk.acceptance", "error", "8.0", "ISO27001 security clause 6.1.3 clause 8.3"},
	} {
		i := slices.Index(ids, tt.rule)
		if i < 0 {
			t.Errorf("no rule %s", tt.rule)
			continue
		}
		r := rules[i]
		var tags []string
		for _, tag := range r.Properties["tags"].([]any) {
			tags = append(tags, tag.(string))
		}
		if r.DefaultConfiguration.Level != tt.level || r.Properties["security-severity"] != tt.security || strings.Join(tags, " ") != tt.tags {
			t.Errorf("rule %s: level %s, security-severity %v, tags %q; want %s, %s, %q",
				tt.rule, r.DefaultConfiguration.Level, r.Properties["security-severity"], tags, tt.level, tt.security, tt.tags)
		}
	}
	if r := rules[slices.Index(ids, "c8_24.aws_ebs")]; r.ShortDescription.Text != "EBS volumes are encrypted at rest" || r.Help == nil || r.Help.Text != "Set encrypted = true." {
		t.Errorf("c8_24.aws_ebs rule texts %+v", r)
	}

	if len(run.Results) != len(formatsReport().Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(formatsReport().Findings))
	}
	for i, res := range run.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleIndex %d does not point at rule %s", i, res.RuleIndex, res.RuleID)
		}
		if len(res.Locations) != 1 || len(res.Locations[0].LogicalLocations) != 1 || res.Locations[0].LogicalLocations[0].Kind != "resource" {
			t.Errorf("result %d: locations %+v", i, res.Locations)
		}
	}
	for _, tt := range []struct {
		i           int
		level, uri  string
		line        int
		resource    string
		messagePart string
	}{
		{0, "error", "infra/net%20work/sg%231.tf", 3, "aws_security_group.web", "port 22 open to the world (ISO/IEC 27001 A.8.20)"},
		{2, "error", "annexa.yaml", 0, "missing:policy/information_security", "(ISO/IEC 27001 A.5.1)"},
		{3, "error", "infra/main.tf", 12, "aws_ebs_volume.a", "EBS volume is not encrypted"},
		{4, "error", "risks.yaml", 41, "risk/R-04", "(ISO/IEC 27001 clause 6.1.3, clause 8.3)"},
		{5, "warning", "plans/tfplan.json", 0, "aws_kms_key.data", "KMS key does not rotate"},
	} {
		res := run.Results[tt.i]
		loc := res.Locations[0]
		line := 0
		if loc.PhysicalLocation != nil && loc.PhysicalLocation.Region != nil {
			line = loc.PhysicalLocation.Region.StartLine
		}
		if res.Level != tt.level || loc.PhysicalLocation == nil || loc.PhysicalLocation.ArtifactLocation.URI != tt.uri || line != tt.line ||
			loc.LogicalLocations[0].FullyQualifiedName != tt.resource || !strings.Contains(res.Message.Text, tt.messagePart) {
			t.Errorf("result %d: level %s, location %+v line %d, message %q; want %s %s:%d %s %q",
				tt.i, res.Level, loc, line, res.Message.Text, tt.level, tt.uri, tt.line, tt.resource, tt.messagePart)
		}
	}
	inv := run.Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 4 {
		t.Errorf("invocations %+v: the two warnings and the errored control and clause are notifications", inv)
	}
}

func TestSARIFWithoutAnchorHasLogicalLocationOnly(t *testing.T) {
	doc, _ := readSARIF(t, SARIF{}, formatsReport())
	loc := doc.Runs[0].Results[2].Locations[0]
	if loc.PhysicalLocation != nil || loc.LogicalLocations[0].FullyQualifiedName != "missing:policy/information_security" {
		t.Errorf("location %+v", loc)
	}
}

func TestSARIFFingerprints(t *testing.T) {
	doc, first := readSARIF(t, SARIF{Anchor: "annexa.yaml"}, formatsReport())
	results := doc.Runs[0].Results
	fp := func(i int) string { return results[i].PartialFingerprints[fingerprintKey] }
	// Two findings of one policy on one resource: one hash, two occurrences.
	a, b := fp(0), fp(1)
	if !strings.HasSuffix(a, ":1") || !strings.HasSuffix(b, ":2") || strings.TrimSuffix(a, ":1") != strings.TrimSuffix(b, ":2") {
		t.Errorf("duplicate fingerprints %s, %s", a, b)
	}
	seen := map[string]bool{}
	for i := range results {
		if seen[fp(i)] {
			t.Errorf("fingerprint %s used twice", fp(i))
		}
		seen[fp(i)] = true
	}

	// A finding keeps its fingerprint when its line and message move, and
	// the same report gives the same bytes.
	moved := formatsReport()
	moved.Findings[3].Source = &facts.Source{File: "infra/main.tf", Line: 40}
	moved.Findings[3].Message = "EBS volume vol-1 is not encrypted"
	doc2, _ := readSARIF(t, SARIF{Anchor: "annexa.yaml"}, moved)
	if got := doc2.Runs[0].Results[3].PartialFingerprints[fingerprintKey]; got != fp(3) {
		t.Errorf("fingerprint moved with the line: %s, was %s", got, fp(3))
	}
	_, again := readSARIF(t, SARIF{Anchor: "annexa.yaml"}, formatsReport())
	if !bytes.Equal(first, again) {
		t.Error("two writes of one report differ")
	}
}

func TestFileURI(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"tfplan.json", "tfplan.json"},
		{"../../testdata/plans/noncompliant.json", "../../testdata/plans/noncompliant.json"},
		{"infra/net work/100%.tf", "infra/net%20work/100%25.tf"},
		{"evidence/a?b#c.yaml", "evidence/a%3Fb%23c.yaml"},
		{"/abs/dir/main.tf", "file:///abs/dir/main.tf"},
		{"c:odd.json", "./c:odd.json"},
		{"évidence/ü.yaml", "%C3%A9vidence/%C3%BC.yaml"},
	} {
		if got := fileURI(tt.path); got != tt.want {
			t.Errorf("fileURI(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestSemanticVersion(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"v1.4.2", "1.4.2"},
		{"v0.0.0-20260101120000-abcdef123456", "0.0.0-20260101120000-abcdef123456"},
		{"v1.2.3+dirty", "1.2.3+dirty"},
		{"devel", ""},
		{"test", ""},
		{"v1.02.3", ""},
		{"v1.2", ""},
	} {
		if got := semanticVersion(tt.in); got != tt.want {
			t.Errorf("semanticVersion(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// junitDoc is a JUnit report read back.
type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Body    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnit(t *testing.T) {
	var buf bytes.Buffer
	if err := (JUnit{}).Write(&buf, formatsReport()); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	checkAgainstXSD(t, out)
	var doc junitDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	var names []string
	tests, failures, errors := 0, 0, 0
	for _, s := range doc.Suites {
		names = append(names, s.Name)
		f, e, sk := 0, 0, 0
		for _, c := range s.Cases {
			switch {
			case c.Failure != nil:
				f++
			case c.Error != nil:
				e++
			case c.Skipped != nil:
				sk++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e || s.Skipped != sk {
			t.Errorf("suite %s: tests %d failures %d errors %d skipped %d; its cases say %d %d %d %d",
				s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), f, e, sk)
		}
		tests, failures, errors = tests+s.Tests, failures+s.Failures, errors+s.Errors
	}
	if doc.Tests != tests || doc.Failures != failures || doc.Errors != errors {
		t.Errorf("totals %d/%d/%d, suites sum to %d/%d/%d", doc.Tests, doc.Failures, doc.Errors, tests, failures, errors)
	}
	if want := "A.5 Organizational controls|A.8 Technological controls|ISO/IEC 27001 clauses 4-10"; strings.Join(names, "|") != want {
		t.Errorf("suites %q, want %q", names, want)
	}
	if doc.Tests != 11 || doc.Failures != 4 || doc.Errors != 2 {
		t.Errorf("totals tests %d failures %d errors %d, want 11, 4, 2", doc.Tests, doc.Failures, doc.Errors)
	}

	cases := map[string]string{}
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			state := "pass"
			switch {
			case c.Failure != nil:
				state = "failure " + c.Failure.Type + ": " + c.Failure.Message + "\n" + c.Failure.Body
			case c.Error != nil:
				state = "error: " + c.Error.Message
			case c.Skipped != nil:
				state = "skipped: " + c.Skipped.Message
			}
			cases[c.Classname+" "+c.Name] = state
		}
	}
	for _, tt := range []struct{ tc, want string }{
		{"annexa.A.8.24 8.24 Use of cryptography", "failure high: 2 finding(s) on 2 of 6 facts assessed: 1 high, 1 medium\n" +
			"high aws_ebs_volume.a: EBS volume is not encrypted [c8_24.aws_ebs] at infra/main.tf:12\n" +
			"medium aws_kms_key.data: KMS key does not rotate [c8_24.aws_kms_rotation] at plans/tfplan.json\n"},
		{"annexa.A.5.1 5.1 Policies for information security", "failure high: 1 finding(s) on 1 of 3 facts assessed: 1 high\n" +
			"high missing:policy/information_security: No information security policy on file [c5_1.policy_documents]\n"},
		{"annexa.A.5.2 5.2 Information security roles and responsibilities", "skipped: not assessed: no policy evaluates this control yet"},
		{"annexa.A.8.25 8.25 Secure development life cycle", "error: c8_25.x: evaluation timed out"},
		{"annexa.A.8.30 8.30 Outsourced development", "skipped: not applicable: excluded in the Statement of Applicability (soa.yaml:95): no outsourcing"},
		{"annexa.A.8.31 8.31 Separation of development, test and production environments", "pass"},
		{"annexa.clause.6.1.3 6.1.3 Information security risk treatment", "failure nonconformant: nonconformant\n" +
			"Risk R-04 has no valid acceptance\nhigh risk/R-04: Risk R-04 is above the appetite [risk.acceptance] at risks.yaml:41\n"},
		{"annexa.clause.7.5.1 7.5.1 General", "pass"},
		{"annexa.clause.9.2.2 9.2.2 Internal audit programme", "skipped: not assessed: no audit records"},
		{"annexa.clause.10.2 10.2 Nonconformity and corrective action", "error: rule failed"},
	} {
		if got, ok := cases[tt.tc]; !ok {
			t.Errorf("no test case %q", tt.tc)
		} else if got != tt.want {
			t.Errorf("%s:\n got  %q\n want %q", tt.tc, got, tt.want)
		}
	}
	if _, ok := cases["annexa.clause.6 6 Planning"]; ok {
		t.Error("a parent clause without a rule is a test case")
	}

	var again bytes.Buffer
	if err := (JUnit{}).Write(&again, formatsReport()); err != nil || !bytes.Equal(out, again.Bytes()) {
		t.Errorf("two writes of one report differ (%v)", err)
	}
}

// checkAgainstXSD checks a JUnit document against the element and attribute
// declarations of testdata/junit.xsd: every element is declared and allowed
// in its parent, every attribute declared, every required one present. The
// schema declares every element globally and references them by name, which
// is all this reads of it.
func checkAgainstXSD(t *testing.T, doc []byte) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "junit.xsd"))
	if err != nil {
		t.Fatal(err)
	}
	type decl struct{ attrs, required, children map[string]bool }
	decls := map[string]*decl{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var current *decl
	depth, declDepth := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			depth++
			attr := func(name string) string {
				for _, a := range el.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch {
			case el.Name.Local == "element" && depth == 2:
				current = &decl{map[string]bool{}, map[string]bool{}, map[string]bool{}}
				decls[attr("name")], declDepth = current, depth
			case current != nil && el.Name.Local == "element" && attr("ref") != "":
				current.children[attr("ref")] = true
			case current != nil && el.Name.Local == "attribute":
				current.attrs[attr("name")] = true
				if attr("use") == "required" {
					current.required[attr("name")] = true
				}
			}
		case xml.EndElement:
			if depth == declDepth {
				current = nil
			}
			depth--
		}
	}
	if decls["testsuites"] == nil || decls["testcase"] == nil {
		t.Fatal("junit.xsd: no testsuites or testcase declaration")
	}

	dec = xml.NewDecoder(bytes.NewReader(doc))
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("JUnit output is not XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			name := el.Name.Local
			d := decls[name]
			if d == nil {
				t.Errorf("element <%s> is not in junit.xsd", name)
				stack = append(stack, name)
				continue
			}
			if len(stack) > 0 {
				if parent := decls[stack[len(stack)-1]]; parent != nil && !parent.children[name] {
					t.Errorf("<%s> is not allowed in <%s>", name, stack[len(stack)-1])
				}
			}
			have := map[string]bool{}
			for _, a := range el.Attr {
				have[a.Name.Local] = true
				if !d.attrs[a.Name.Local] {
					t.Errorf("<%s %s=…>: junit.xsd declares no such attribute", name, a.Name.Local)
				}
			}
			for req := range d.required {
				if !have[req] {
					t.Errorf("<%s> lacks the required attribute %s", name, req)
				}
			}
			stack = append(stack, name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// Warnings about the inputs are SARIF tool execution notifications, at
// their file, line and column when they have one.
func TestSARIFNotifications(t *testing.T) {
	var buf bytes.Buffer
	if err := (SARIF{}).Write(&buf, formatsReport()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Invocations []struct {
				Notifications []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI string `json:"uri"`
							} `json:"artifactLocation"`
							Region struct {
								StartLine   int `json:"startLine"`
								StartColumn int `json:"startColumn"`
							} `json:"region"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	ns := log.Runs[0].Invocations[0].Notifications
	var warnings []string
	for _, n := range ns {
		if n.Level == "warning" {
			warnings = append(warnings, n.Message.Text)
		}
	}
	want := []string{"infra/main.tf:2:12: Module not evaluated; registry modules are not fetched", "No facts to judge"}
	if !slices.Equal(warnings, want) {
		t.Fatalf("warning notifications %q, want %q", warnings, want)
	}
	loc := ns[0].Locations
	if len(loc) != 1 || loc[0].PhysicalLocation.ArtifactLocation.URI != "infra/main.tf" ||
		loc[0].PhysicalLocation.Region.StartLine != 2 || loc[0].PhysicalLocation.Region.StartColumn != 12 {
		t.Errorf("location %+v", loc)
	}
	if len(ns[1].Locations) != 0 {
		t.Errorf("a warning without a file has locations %+v", ns[1].Locations)
	}
}

// The table says under its heading when the run judged nothing, and how
// many warnings the providers gave.
func TestTableDiagnostics(t *testing.T) {
	var buf bytes.Buffer
	if err := (Table{}).Write(&buf, formatsReport()); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(buf.String(), "\n", 4)
	if lines[1] != "WARNING: No facts to judge" ||
		lines[2] != "1 warning(s) about the inputs: see stderr, or diagnostics in --format json" {
		t.Errorf("table heading:\n%s", strings.Join(lines[:3], "\n"))
	}
}
