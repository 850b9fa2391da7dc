package engine

import (
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

func TestSharedRefs(t *testing.T) {
	fn := func(ref string, args ...*ast.Term) ast.Ref {
		return append(ast.Ref{ast.NewTerm(ast.MustParseRef(ref))}, args...)
	}
	tests := []struct {
		name string
		ref  ast.Ref
		want bool
	}{
		{"library rule", ast.MustParseRef("data.annexa.lib.people.trainings"), true},
		{"library partial rule by key", ast.MustParseRef(`data.annexa.lib.net.is_internet["0.0.0.0/0"]`), true},
		{"library function, string argument", fn("data.annexa.lib.evidence.entries", ast.StringTerm("asset_register")), true},
		{"library function, no argument", fn("data.annexa.lib.tags.aws_resources"), true},
		{"library function, object argument", fn("data.annexa.lib.tags.known", ast.ObjectTerm()), false},
		{"library function, number argument", fn("data.annexa.lib.x.f", ast.IntNumberTerm(1)), false},
		{"policy rule", ast.MustParseRef("data.annexa.controls.c5_9.aws_asset_tags.registered"), false},
		{"policy function", fn("data.annexa.controls.c5_9.aws_asset_tags.unlinked", ast.StringTerm("A-1")), false},
		{"user library", ast.MustParseRef("data.annexa.user.helpers.x"), false},
		{"the library package itself", ast.MustParseRef("data.annexa.lib"), false},
		{"empty", ast.Ref{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shared(tt.ref); got != tt.want {
				t.Errorf("shared(%v) = %v, want %v", tt.ref, got, tt.want)
			}
		})
	}
}

func TestQueryCacheSharesOutsideWithOnly(t *testing.T) {
	lib := newLibraryValues()
	first, second := lib.forQuery(), lib.forQuery()
	rule := ast.MustParseRef("data.annexa.lib.people.trainings")
	own := ast.MustParseRef("data.annexa.controls.c6_3.x.deny")

	first.Put(rule, ast.StringTerm("computed once"))
	first.Put(own, ast.StringTerm("the policy's own"))
	if v, _ := second.Get(rule); v == nil || !v.Equal(ast.StringTerm("computed once")) {
		t.Errorf("another query does not see the library value: %v", v)
	}
	if v, _ := second.Get(own); v != nil {
		t.Errorf("another query sees a policy's own value: %v", v)
	}

	// Inside a with frame data may be replaced: what is computed there
	// must not reach other queries, nor outlive the frame.
	other := ast.MustParseRef("data.annexa.lib.people.staff")
	second.Push()
	second.Put(other, ast.StringTerm("under with"))
	if v, _ := first.Get(other); v != nil {
		t.Errorf("a value computed under with reached another query: %v", v)
	}
	second.Pop()
	if v, _ := second.Get(other); v != nil {
		t.Errorf("a value computed under with outlived its frame: %v", v)
	}

	lib.forQuery().Put(other, nil)
	if v, undefined := first.Get(other); v != nil || !undefined {
		t.Errorf("an undefined library value is not shared: %v, %v", v, undefined)
	}
}

// TestRunReaders checks which rules' library values the phase after the
// roll-up computes again: those that read data.run beyond the effective
// time, or may, and those that depend on them.
func TestRunReaders(t *testing.T) {
	mods := map[string]*ast.Module{
		"lib.rego": ast.MustParseModule(`package annexa.lib.x

controls := data.run.controls

first_control := controls[0]

whole_run := data.run

any_run(k) := data.run[k]

some_data(k) := data[k].x

now_ns := data.run.effective_time_ns

older(ns) if ns < now_ns

today := data.run.effective_time

facts := data.facts.by_kind
`),
		"policy.rego": ast.MustParseModule(`package annexa.controls.c5_1.p

import data.annexa.lib.x

deny contains x.first_control if x.facts
`),
	}
	c, err := Compile(mods)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range runReaders(c) {
		got = append(got, p.String())
	}
	slices.Sort(got)
	want := []string{
		"data.annexa.controls.c5_1.p.deny",
		"data.annexa.lib.x.any_run",
		"data.annexa.lib.x.controls",
		"data.annexa.lib.x.first_control",
		"data.annexa.lib.x.some_data",
		"data.annexa.lib.x.whole_run",
	}
	if !slices.Equal(got, want) {
		t.Errorf("runReaders = %q\nwant          %q", got, want)
	}

	// carry keeps the others' values, undefined ones included, and drops
	// the readers' and what holds them.
	lib := newLibraryValues()
	c1 := lib.forQuery()
	put := func(ref string, v *ast.Term) { c1.Put(ast.MustParseRef(ref), v) }
	put("data.annexa.lib.x.now_ns", ast.IntNumberTerm(1))
	put("data.annexa.lib.x.facts", nil)
	put("data.annexa.lib.x.controls", ast.ArrayTerm())
	put("data.annexa.lib.x", ast.ObjectTerm())
	c1.Put(ast.Ref{ast.NewTerm(ast.MustParseRef("data.annexa.lib.x.any_run")), ast.StringTerm("soa")}, ast.BooleanTerm(true))
	c1.Put(ast.Ref{ast.NewTerm(ast.MustParseRef("data.annexa.lib.x.older")), ast.StringTerm("2026")}, ast.BooleanTerm(true))
	next := lib.carry(runReaders(c)).forQuery()
	for ref, kept := range map[string]bool{
		"data.annexa.lib.x.now_ns":   true,
		"data.annexa.lib.x.facts":    true,
		"data.annexa.lib.x.controls": false,
		"data.annexa.lib.x":          false,
	} {
		v, undefined := next.Get(ast.MustParseRef(ref))
		if (v != nil || undefined) != kept {
			t.Errorf("%s carried: %v, want %v", ref, v != nil || undefined, kept)
		}
	}
	if v, _ := next.Get(ast.Ref{ast.NewTerm(ast.MustParseRef("data.annexa.lib.x.any_run")), ast.StringTerm("soa")}); v != nil {
		t.Error("a call of a function that reads data.run was carried")
	}
	if v, _ := next.Get(ast.Ref{ast.NewTerm(ast.MustParseRef("data.annexa.lib.x.older")), ast.StringTerm("2026")}); v == nil {
		t.Error("a call of a function that reads only the effective time was not carried")
	}
}
