package runner

import "testing"

func TestPlansOnly(t *testing.T) {
	for _, c := range []struct {
		name    string
		sources []FlagValue
		want    bool
	}{
		{"one plan", []FlagValue{{"plan", "a.json"}}, true},
		{"two plans", []FlagValue{{"plan", "a.json"}, {"plan", "b.json"}}, true},
		{"a plan and evidence", []FlagValue{{"plan", "a.json"}, {"evidence", "ev"}}, false},
		{"a plan and its source", []FlagValue{{"plan", "a.json"}, {"tf", "infra"}}, false},
		{"manifests", []FlagValue{{"k8s", "k"}}, false},
	} {
		run, err := Resolve(Inputs{Sources: c.sources})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := run.PlansOnly(); got != c.want {
			t.Errorf("%s: PlansOnly() = %v, want %v", c.name, got, c.want)
		}
	}
}
