package engine

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annexa-dev/annexa/policies"
)

func TestClauseRuleErrors(t *testing.T) {
	ruleWith := func(clause, inputs, body string) string {
		return "# METADATA\n# title: t\n# custom:\n#   clause: \"" + clause + "\"\n" + inputs + "package annexa.clauses.mine\n\n" + body
	}
	rule := func(clause, body string) string {
		return ruleWith(clause, "#   inputs:\n#     evidence: [\"document:isms_scope\"]\n", body)
	}
	full := "status := \"conformant\"\n\nmet contains {\"msg\": \"m\", \"resource\": \"r\"}\n\ngaps := set()\n"
	for _, tc := range []struct {
		name, src, want string
	}{
		{"clause decided twice", rule("4.3", full), "clause 4.3 is already decided by annexa.clauses.c4_3"},
		{"unknown clause", rule("4.9", full), `custom.clause: "4.9" is not a clause`},
		{"clause with sub-clauses", rule("9.2", full), "9.2 has sub-clauses"},
		{"no gaps rule", rule("4.3", "status := \"conformant\"\n\nmet := set()\n"), "has no gaps rule"},
		{"no metadata", "package annexa.clauses.mine\n\n" + full, "no package METADATA"},
		{"no inputs", ruleWith("4.3", "", full), "custom.inputs: want an object"},
		{"empty inputs", ruleWith("4.3", "#   inputs: {}\n", full), "list at least one"},
		{"unknown input", ruleWith("4.3", "#   inputs:\n#     facts: [\"x\"]\n", full), `"facts" is not one of`},
		{"bad evidence", ruleWith("4.3", "#   inputs:\n#     evidence: [\"ISMS scope\"]\n", full), "is not KIND or KIND:TOPIC"},
		{"unknown control", ruleWith("4.3", "#   inputs:\n#     controls: [\"9.1\"]\n", full), `"9.1" is not an Annex A control`},
		{"unknown theme", ruleWith("4.3", "#   inputs:\n#     themes: [\"legal\"]\n", full), `themes: "legal" is not one of`},
		{"repeated input", ruleWith("4.3", "#   inputs:\n#     evidence: [\"document:isms_scope\", \"document:isms_scope\"]\n", full), "distinct non-empty strings"},
		{"unknown declaration", ruleWith("4.3", "#   inputs:\n#     declarations: [\"asset register\"]\n", full), `"asset register" is not`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Clause rules come only from the built-in tree, so the rule
			// under test joins a copy of it.
			tree := treeOf(t)
			tree["clauses/mine.rego"] = &fstest.MapFile{Data: []byte(tc.src)}
			_, err := New(context.Background(), WithPolicyFS(tree))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestClauseRuleThatFails(t *testing.T) {
	// A rule whose status is none of the four is an error on its clause,
	// and on the clauses above it.
	tree := treeOf(t)
	tree["clauses/4_3.rego"] = &fstest.MapFile{Data: []byte("# METADATA\n# title: t\n# custom:\n#   clause: \"4.3\"\n#   inputs:\n#     evidence: [\"document:isms_scope\"]\npackage annexa.clauses.c4_3\n\nstatus := \"fine\"\n\nmet := set()\n\ngaps := set()\n")}
	e, err := New(context.Background(), WithPolicyFS(tree))
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Evaluate(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	errs := r.ClauseErrors()
	if len(errs) != 2 || errs[0].ID != "4" || errs[1].ID != "4.3" || !strings.Contains(errs[1].Reasons[0], `status fine is not conformant`) {
		t.Errorf("clause errors %+v", errs)
	}
}

func TestParseClauseMap(t *testing.T) {
	raw, err := policies.FS.ReadFile(policies.ClausesPath)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseClauseMap(raw, policies.ClausesPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Clauses) != 41 || m.Clauses[0].ID != "4" || m.Clauses[40].ID != "10.2" {
		t.Errorf("%d clauses from %s to %s", len(m.Clauses), m.Clauses[0].ID, m.Clauses[len(m.Clauses)-1].ID)
	}
	for _, id := range []string{"4.1", "4.2"} {
		if c, _ := m.Lookup(id); !strings.Contains(c.AmendedBy, "Amd 1:2024") || !strings.Contains(c.DecidedBy, "limate") {
			t.Errorf("%s does not carry the 2024 climate amendment: %+v", id, c)
		}
	}
	for _, tc := range []struct{ name, src, want string }{
		{"unknown parent", `{"clauses": [{"id": "4", "title": "a", "level": 1}, {"id": "4.1", "title": "b", "parent": "5", "level": 2, "decided_by": "x"}]}`, "parent 5 is not in the map"},
		{"leaf without decided_by", `{"clauses": [{"id": "4", "title": "a", "level": 1}]}`, "no sub-clauses and no decided_by"},
		{"parent with decided_by", `{"clauses": [{"id": "4", "title": "a", "level": 1, "decided_by": "x"}, {"id": "4.1", "title": "b", "parent": "4", "level": 2, "decided_by": "x"}]}`, "remove its decided_by"},
		{"wrong level", `{"clauses": [{"id": "4", "title": "a", "level": 1}, {"id": "4.1", "title": "b", "parent": "4", "level": 3, "decided_by": "x"}]}`, "level 3 under 4"},
		{"duplicate", `{"clauses": [{"id": "4", "title": "a", "level": 1, "decided_by": "x"}, {"id": "4", "title": "a", "level": 1, "decided_by": "x"}]}`, "listed twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ParseClauseMap([]byte(tc.src), "clauses.json"); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
