package applicability

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/internal/testfs"
	"github.com/annexa-dev/annexa/providers/facts"
)

const yamlFile = `title: SoA v1
controls:
  - {control: "5.1", applicable: true, justification: "Required by 5.2, and by contracts"}
  - control: "5.10"
    applicable: true
  - control: "8.30"
    applicable: false
    justification: No outsourced development
`

const csvFile = `control,applicable,justification
5.1,yes,"Required by 5.2, and by contracts"
5.10,Yes,
8.30,no,No outsourced development
`

func TestYAMLAndCSVGiveTheSameFacts(t *testing.T) {
	ctx := context.Background()
	fromYAML, err := diag.AsError(Provider{}.Collect(ctx, testfs.WriteFile(t, "soa.yaml", yamlFile)))
	if err != nil {
		t.Fatal(err)
	}
	fromCSV, err := diag.AsError(Provider{}.Collect(ctx, testfs.WriteFile(t, "soa.csv", csvFile)))
	if err != nil {
		t.Fatal(err)
	}
	lines := func(fs []facts.Fact) []int {
		var out []int
		for _, f := range fs {
			out = append(out, f.Source.Line)
		}
		return out
	}
	if !reflect.DeepEqual(lines(fromYAML), []int{3, 4, 6}) || !reflect.DeepEqual(lines(fromCSV), []int{2, 3, 4}) {
		t.Errorf("lines %v and %v", lines(fromYAML), lines(fromCSV))
	}
	for i := range fromYAML {
		if fromYAML[i].ID != fromCSV[i].ID || !reflect.DeepEqual(fromYAML[i].Attributes, fromCSV[i].Attributes) {
			t.Errorf("YAML %+v, CSV %+v", fromYAML[i], fromCSV[i])
		}
	}
	want := map[string]any{"control": "8.30", "applicable": false, "justification": "No outsourced development"}
	if fromYAML[2].ID != "applicability/8.30" || !reflect.DeepEqual(fromYAML[2].Attributes, want) {
		t.Errorf("8.30 = %+v", fromYAML[2])
	}
	v, err := facts.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fromYAML {
		if err := v.Validate(f.Document()); err != nil {
			t.Errorf("%s: %v", f.ID, err)
		}
	}
}

func TestApplicabilityErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, content, want string
	}{
		{"exclusion without justification", "soa.yaml", strings.Replace(yamlFile, "    justification: No outsourced development\n", "", 1), "soa.yaml:6: control 8.30 is excluded without a justification"},
		{"exclusion without justification in CSV", "soa.csv", strings.Replace(csvFile, "no,No outsourced development", "no,  ", 1), "soa.csv:4: control 8.30 is excluded without a justification"},
		{"unknown control", "soa.yaml", strings.Replace(yamlFile, `"5.10"`, `"5.38"`, 1), `soa.yaml:4: "5.38" is not an ISO/IEC 27002:2022 control`},
		{"unknown control in CSV", "soa.csv", strings.Replace(csvFile, "5.10,", "A.5.10,", 1), `soa.csv:3: "A.5.10" is not an ISO/IEC 27002:2022 control`},
		{"control listed twice", "soa.csv", csvFile + "5.1,yes,again\n", "soa.csv:5: control 5.1 is listed twice (first on line 2)"},
		{"control as a number", "soa.yaml", strings.Replace(yamlFile, `control: "5.10"`, "control: 5.10", 1), "soa.yaml:4:5: control 5.1 is a number; write control ids in quotes"},
		{"applicable not a boolean", "soa.yaml", strings.Replace(yamlFile, "applicable: false", "applicable: maybe", 1), "soa.yaml:7:5: applicability file: field /controls/2/applicable"},
		{"applicable not yes or no in CSV", "soa.csv", strings.Replace(csvFile, "5.10,Yes", "5.10,perhaps", 1), `soa.csv:3: applicable: "perhaps" is not yes or no`},
		{"unknown field", "soa.yaml", strings.Replace(yamlFile, "justification: No", "reason: No", 1), `unknown field "reason"`},
		{"missing column", "soa.csv", "control,justification\n5.1,x\n", `soa.csv:1: the header has no "applicable" column`},
		{"truncated quote", "soa.csv", "control,applicable,justification\n5.1,yes,\"unterminated\n", "soa.csv:2:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := diag.AsError(Provider{}.Collect(context.Background(), testfs.WriteFile(t, tc.file, tc.content)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

// FuzzRead feeds arbitrary applicability files, as YAML and as CSV, to the
// parser: an error is fine, a panic is not.
func FuzzRead(f *testing.F) {
	f.Add([]byte(yamlFile), false)
	f.Add([]byte(csvFile), true)
	f.Add([]byte("controls:\n  - {control: 5.1, applicable: yes}\n  - [1, 2]\n"), false)
	f.Add([]byte("controls: {control: \"5.1\"}\n"), false)
	f.Fuzz(testfs.ReadAnyFile(func(path string) { _, _ = Read(path) }))
}
