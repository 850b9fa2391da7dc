package riskregister

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/internal/testfs"
	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/facts"
)

const yamlRegister = `title: test register
risks:
  - id: R-01
    asset: DATA-CARDHOLDER
    threat: Ransomware deletes the database
    vulnerability: Backups in the same account
    likelihood: 3
    impact: 5
    controls: [{id: "8.14", strength: 0.7}, "8.13"]
    treatment: modify
    owner: priya@example.com
  - id: R-02
    asset: AWS-PROD
    threat: "Access misused, after a review was missed"
    likelihood: 3
    impact: 4.0
    controls: []
    treatment: retain
    owner: priya@example.com
    acceptance: {by: priya@example.com, date: 2025-10-15, expiry: 2026-10-15}
`

const csvRegister = `id,asset,threat,vulnerability,likelihood,impact,controls,treatment,owner,acceptance_by,acceptance_date,acceptance_expiry
R-01,DATA-CARDHOLDER,Ransomware deletes the database,Backups in the same account,3,5,"8.14:0.7, 8.13",modify,priya@example.com,,,
R-02,AWS-PROD,"Access misused, after a review was missed",,3,4,,retain,priya@example.com,priya@example.com,2025-10-15,2026-10-15
`

func TestYAMLAndCSVGiveTheSameFacts(t *testing.T) {
	ctx := context.Background()
	p := Provider{Settings: Settings{Appetite: 8, Method: catalog.MethodSplit, File: "annexa.yaml", Line: 12}}
	fromYAML, err := diag.AsError(p.Collect(ctx, testfs.WriteFile(t, "risks.yaml", yamlRegister)))
	if err != nil {
		t.Fatal(err)
	}
	fromCSV, err := diag.AsError(p.Collect(ctx, testfs.WriteFile(t, "risks.csv", csvRegister)))
	if err != nil {
		t.Fatal(err)
	}
	strip := func(fs []facts.Fact) []facts.Fact {
		out := make([]facts.Fact, len(fs))
		for i, f := range fs {
			f.Source.File, f.Source.Line = "", 0
			out[i] = f
		}
		return out
	}
	if !reflect.DeepEqual(strip(fromYAML), strip(fromCSV)) {
		t.Errorf("YAML and CSV registers differ:\n%+v\n%+v", fromYAML, fromCSV)
	}
	if len(fromYAML) != 3 || fromYAML[0].ID != "risk/R-01" || fromYAML[2].ID != "risk_settings" {
		t.Fatalf("facts %+v", fromYAML)
	}
	r1 := fromYAML[0]
	if r1.Source.Line != 3 || !reflect.DeepEqual(r1.Attributes["controls"], []any{map[string]any{"id": "8.13"}, map[string]any{"id": "8.14", "strength": 0.7}}) || r1.Attributes["likelihood"] != int64(3) {
		t.Errorf("R-01 = %+v", r1)
	}
	if fromCSV[1].Source.Line != 3 {
		t.Errorf("R-02 from CSV on line %d, want 3", fromCSV[1].Source.Line)
	}
	if acc := fromYAML[1].Attributes["acceptance"].(map[string]any); acc["date"] != "2025-10-15T00:00:00Z" || acc["expiry"] != "2026-10-15T00:00:00Z" {
		t.Errorf("acceptance %v", acc)
	}
	if s := fromYAML[2]; s.Attributes["appetite"] != int64(8) || s.Attributes["method"] != catalog.MethodSplit || s.Attributes["model"] != int64(catalog.RiskModel) ||
		s.Source.File != "annexa.yaml" || s.Source.Line != 12 {
		t.Errorf("settings fact %+v", s)
	}
	v, err := facts.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(fromYAML, fromCSV...) {
		if err := v.Validate(f.Document()); err != nil {
			t.Errorf("fact %s breaks its schema: %v", f.ID, err)
		}
	}
}

func TestDefaultSettings(t *testing.T) {
	fs, err := diag.AsError(Provider{}.Collect(context.Background(), testfs.WriteFile(t, "risks.yaml", yamlRegister)))
	if err != nil {
		t.Fatal(err)
	}
	s := fs[len(fs)-1]
	if s.Attributes["appetite"] != int64(catalog.DefaultAppetite) || s.Attributes["method"] != catalog.MethodScore || s.Attributes["model"] != int64(catalog.RiskModel) ||
		!strings.HasSuffix(s.Source.File, "risks.yaml") {
		t.Errorf("settings %+v", s)
	}
}

func TestRegisterErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, content, want string
	}{
		{"unknown control in YAML", "risks.yaml", strings.Replace(yamlRegister, `"8.13"`, `"8.35"`, 1), `risks.yaml:3: risk R-01: "8.35" is not an ISO/IEC 27002:2022 control`},
		{"unknown control in CSV", "risks.csv", strings.Replace(csvRegister, "8.14:0.7, 8.13", "8.14; 9.1", 1), `risks.csv:2: risk R-01: "9.1" is not an ISO/IEC 27002:2022 control`},
		{"control written as a number", "risks.yaml", strings.Replace(yamlRegister, `[{id: "8.14", strength: 0.7}, "8.13"]`, `[8.14, 8.10]`, 1), "risks.yaml:9:16: control 8.14 is a number; write control ids in quotes"},
		{"control id of a link written as a number", "risks.yaml", strings.Replace(yamlRegister, `{id: "8.14", strength: 0.7}`, `{id: 8.10, strength: 0.7}`, 1), "risks.yaml:9:17: control 8.1 is a number; write control ids in quotes"},
		{"strength above 1", "risks.yaml", strings.Replace(yamlRegister, "strength: 0.7", "strength: 1.5", 1), "risks.yaml:9:29: risk register: field /risks/0/controls/0/strength: must be <= 1"},
		{"strength 0", "risks.yaml", strings.Replace(yamlRegister, "strength: 0.7", "strength: 0", 1), "field /risks/0/controls/0/strength: must be > 0"},
		{"strength as a word", "risks.yaml", strings.Replace(yamlRegister, "strength: 0.7", "strength: high", 1), "field /risks/0/controls/0/strength: expected number, but got string"},
		{"strength with four decimals", "risks.yaml", strings.Replace(yamlRegister, "strength: 0.7", "strength: 0.6666", 1), "risks.yaml:9:29: control 8.14: design strength 0.6666 has more than three decimals"},
		{"unknown field of a link", "risks.yaml", strings.Replace(yamlRegister, "strength: 0.7", "strenght: 0.7", 1), `field /risks/0/controls/0/strenght: unknown field "strenght"`},
		{"link without an id", "risks.yaml", strings.Replace(yamlRegister, `{id: "8.14", strength: 0.7}`, `{strength: 0.7}`, 1), "field /risks/0/controls/0: missing properties: 'id'"},
		{"unknown control of a link", "risks.yaml", strings.Replace(yamlRegister, `"8.14"`, `"8.99"`, 1), `risks.yaml:3: risk R-01: "8.99" is not an ISO/IEC 27002:2022 control`},
		{"strength above 1 in CSV", "risks.csv", strings.Replace(csvRegister, "8.14:0.7", "8.14:1.2", 1), `risks.csv:2: controls: "8.14:1.2": design strength 1.2 is not more than 0 and at most 1`},
		{"strength not a number in CSV", "risks.csv", strings.Replace(csvRegister, "8.14:0.7", "8.14:strong", 1), `risks.csv:2: controls: "8.14:strong": the design strength after the colon is not a number`},
		{"strength with four decimals in CSV", "risks.csv", strings.Replace(csvRegister, "8.14:0.7", "8.14:0.1234", 1), `risks.csv:2: controls: "8.14:0.1234": design strength 0.1234 has more than three decimals`},
		{"control named twice with strengths", "risks.yaml", strings.Replace(yamlRegister, `"8.13"]`, `{id: "8.14", strength: 0.2}]`, 1), "risks.yaml:3: risk R-01 names control 8.14 twice"},
		{"likelihood out of range", "risks.yaml", strings.Replace(yamlRegister, "likelihood: 3\n    impact: 5", "likelihood: 6\n    impact: 5", 1), "risks.yaml:7:5: risk register: field /risks/0/likelihood: must be <= 5"},
		{"likelihood out of range in CSV", "risks.csv", strings.Replace(csvRegister, "account,3,5", "account,0,5", 1), `risks.csv:2: likelihood: "0" is not a whole number from 1 to 5`},
		{"unknown treatment", "risks.yaml", strings.Replace(yamlRegister, "treatment: retain", "treatment: ignore", 1), "field /risks/1/treatment"},
		{"unknown treatment in CSV", "risks.csv", strings.Replace(csvRegister, ",retain,", ",ignore,", 1), `risks.csv:3: treatment: "ignore" is not one of modify, retain, avoid, share`},
		{"duplicate id", "risks.yaml", strings.Replace(yamlRegister, "id: R-02", "id: R-01", 1), "risks.yaml:12: risk R-01 is listed twice (first on line 3)"},
		{"control named twice", "risks.csv", strings.Replace(csvRegister, "8.14:0.7, 8.13", "8.13 8.13:0.5", 1), "risks.csv:2: risk R-01 names control 8.13 twice"},
		{"acceptance expires before it starts", "risks.yaml", strings.Replace(yamlRegister, "expiry: 2026-10-15", "expiry: 2025-10-01", 1), "risks.yaml:12: risk R-02: the acceptance expires (2025-10-01) before it was given (2025-10-15)"},
		{"acceptance without a date in CSV", "risks.csv", strings.Replace(csvRegister, "priya@example.com,2025-10-15,", "priya@example.com,,", 1), "risks.csv:3: acceptance: an acceptance needs acceptance_by and acceptance_date"},
		{"bad date", "risks.csv", strings.Replace(csvRegister, "2025-10-15", "15/10/2025", 1), `risks.csv:3: acceptance_date: "15/10/2025" is not an RFC 3339 time`},
		{"unknown field", "risks.yaml", strings.Replace(yamlRegister, "vulnerability:", "vulnerabilty:", 1), `risks.yaml:6:5: risk register: field /risks/0/vulnerabilty: unknown field "vulnerabilty"`},
		{"unknown CSV column", "risks.csv", strings.Replace(csvRegister, "vulnerability", "weakness", 1), `risks.csv:1: unknown column "weakness"`},
		{"missing CSV column", "risks.csv", "id,asset\nR-1,a\n", `risks.csv:1: the header has no "threat" column`},
		{"short CSV row", "risks.csv", csvRegister + "R-03,x\n", "risks.csv:4: 2 fields, but the header names 12 columns"},
		{"malformed YAML", "risks.yaml", "risks: [\n", "risks.yaml:"},
		{"empty file", "risks.csv", "", "risks.csv: file is empty"},
		{"two documents", "risks.yaml", yamlRegister + "---\n" + yamlRegister, "holds one YAML document, found 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := diag.AsError(Provider{}.Collect(context.Background(), testfs.WriteFile(t, tc.file, tc.content)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func TestSettingsCheck(t *testing.T) {
	for _, tc := range []struct {
		s  Settings
		ok bool
	}{
		{Settings{}, true}, {Settings{Appetite: 1}, true}, {Settings{Appetite: 25, Method: catalog.MethodSplit}, true},
		{Settings{Appetite: 26}, false}, {Settings{Appetite: -1}, false}, {Settings{Method: "average"}, false},
		{Settings{Model: catalog.RiskModel}, true}, {Settings{Model: 1}, false},
	} {
		if err := tc.s.Check(); (err == nil) != tc.ok {
			t.Errorf("Check(%+v) = %v, want ok %v", tc.s, err, tc.ok)
		}
	}
	if _, err := diag.AsError((Provider{Settings: Settings{Appetite: 30}}).Collect(context.Background(), "unused.yaml")); err == nil {
		t.Error("a register is read with an appetite of 30")
	}
}

// FuzzRead feeds arbitrary registers, as YAML and as CSV, to the parser: an
// error is fine, a panic is not.
func FuzzRead(f *testing.F) {
	f.Add([]byte(yamlRegister), false)
	f.Add([]byte(csvRegister), true)
	f.Add([]byte("risks:\n  - {id: R, asset: a, threat: t, likelihood: 5.0, impact: 1e0, controls: [8.1], treatment: modify, owner: o}\n"), false)
	f.Add([]byte("id,asset,threat,likelihood,impact,controls,treatment,owner\nR,a,t,9999999999999999999,1,,retain,o\n"), true)
	f.Add([]byte("risks:\n  - {id: R, asset: a, threat: t, likelihood: 2, impact: 3, controls: [{id: \"8.24\", strength: 1e-3}, \"8.13\"], treatment: modify, owner: o}\n"), false)
	f.Add([]byte("id,asset,threat,likelihood,impact,controls,treatment,owner\nR,a,t,2,3,8.24:0.5;8.13:;8.2:1e0,retain,o\n"), true)
	f.Fuzz(testfs.ReadAnyFile(func(path string) { _, _ = Read(path) }))
}

// TestFactsDecodeToTheSameRisks: a risk is one shape from file to engine;
// the facts Collect makes decode, by FromFact, into the risks Read gave,
// and the settings fact into the settings.
func TestFactsDecodeToTheSameRisks(t *testing.T) {
	path := testfs.WriteFile(t, "risks.yaml", yamlRegister)
	want, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	p := Provider{Settings: Settings{Appetite: 8, Method: catalog.MethodSplit, File: "annexa.yaml", Line: 12}}
	fs, err := diag.AsError(p.Collect(context.Background(), path))
	if err != nil {
		t.Fatal(err)
	}
	var got []Risk
	for i := range fs {
		switch fs[i].Kind {
		case facts.KindRisk:
			r, err := FromFact(&fs[i])
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, r)
		case facts.KindRiskSettings:
			s, err := SettingsFromFact(&fs[i])
			if err != nil {
				t.Fatal(err)
			}
			want := p.Settings
			want.Model = catalog.RiskModel
			if s != want {
				t.Errorf("settings %+v, want %+v", s, want)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded facts\n got %+v\nwant %+v", got, want)
	}
	// A facts file holds numbers as JSON numbers.
	f := fs[1]
	f.Attributes = map[string]any{}
	for k, v := range fs[1].Attributes {
		f.Attributes[k] = v
	}
	f.Attributes["likelihood"] = json.Number("3")
	f.Attributes["impact"] = 5.0
	if r, err := FromFact(&f); err != nil || r.Likelihood != 3 || r.Impact != 5 {
		t.Errorf("FromFact with JSON numbers = %+v, %v", r, err)
	}
	f.Attributes["impact"] = "high"
	if _, err := FromFact(&f); err == nil || !strings.Contains(err.Error(), `risk fact "risk/`) {
		t.Errorf("FromFact with a string impact: %v, want an error naming the fact", err)
	}
}

// A register written before design strengths (plain control ids, none
// with a strength) loads, every link at its type's default, with one
// warning; a register that states strengths where it means to has none.
func TestOldFormatRegisterLoadsWithAWarning(t *testing.T) {
	old := strings.Replace(yamlRegister, `[{id: "8.14", strength: 0.7}, "8.13"]`, `["8.14", "8.13"]`, 1)
	oldCSV := strings.Replace(csvRegister, "8.14:0.7", "8.14", 1)
	for name, path := range map[string]string{
		"yaml": testfs.WriteFile(t, "risks.yaml", old),
		"csv":  testfs.WriteFile(t, "risks.csv", oldCSV),
	} {
		t.Run(name, func(t *testing.T) {
			fs, ds := Provider{}.Collect(context.Background(), path)
			if ds.HasErrors() || len(fs) != 3 {
				t.Fatalf("facts %d, diagnostics %v", len(fs), ds)
			}
			if !reflect.DeepEqual(fs[0].Attributes["controls"], []any{map[string]any{"id": "8.13"}, map[string]any{"id": "8.14"}}) {
				t.Errorf("controls %v", fs[0].Attributes["controls"])
			}
			if len(ds) != 1 {
				t.Fatalf("diagnostics %v, want one warning", ds)
			}
			d := ds[0]
			if d.Severity != diag.Warning || d.File != path || d.Line == 0 || d.Source != Name ||
				!strings.Contains(d.Summary, "states no design strength for any control") ||
				!strings.Contains(d.Detail, "preventive 0.6, detective 0.4, corrective 0.4") || !strings.Contains(d.Detail, "8.24:0.7") {
				t.Errorf("warning %+v", d)
			}
		})
	}
	_, ds := Provider{}.Collect(context.Background(), testfs.WriteFile(t, "risks.yaml", yamlRegister))
	if len(ds) != 0 {
		t.Errorf("a register with a stated strength: %v", ds)
	}
	// A register without any control link has nothing to default.
	none := strings.Replace(yamlRegister, `[{id: "8.14", strength: 0.7}, "8.13"]`, `[]`, 1)
	if _, ds := (Provider{}).Collect(context.Background(), testfs.WriteFile(t, "risks.yaml", none)); len(ds) != 0 {
		t.Errorf("a register without controls: %v", ds)
	}
}

func TestStrengthOneIsWarnedAbout(t *testing.T) {
	path := testfs.WriteFile(t, "risks.yaml", strings.Replace(yamlRegister, "strength: 0.7", "strength: 1", 1))
	fs, ds := Provider{}.Collect(context.Background(), path)
	if ds.HasErrors() || len(fs) != 3 || len(ds) != 1 {
		t.Fatalf("facts %d, diagnostics %v", len(fs), ds)
	}
	if d := ds[0]; d.Severity != diag.Warning || d.Line != 3 || !strings.Contains(d.Summary, "risk R-01: control 8.14 has design strength 1") {
		t.Errorf("warning %+v", d)
	}
}
