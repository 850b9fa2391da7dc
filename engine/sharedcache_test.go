package engine

import (
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
