package tfplan

import (
	"slices"
	"testing"
)

func TestBaseAddress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"aws_vpc.main", "aws_vpc.main"},
		{"aws_subnet.private[0]", "aws_subnet.private"},
		{`aws_s3_bucket.b["logs.v1"]`, "aws_s3_bucket.b"},
		{`module.app[0].aws_subnet.b[1]`, "module.app[0].aws_subnet.b"},
		{`module.app["a.b"].module.x.aws_iam_role.r`, `module.app["a.b"].module.x.aws_iam_role.r`},
		{`data.aws_iam_policy_document.p["]x["]`, "data.aws_iam_policy_document.p"},
	}
	for _, tt := range tests {
		if got := baseAddress(tt.in); got != tt.want {
			t.Errorf("baseAddress(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestModuleCallPath(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"module.db", []string{"db"}},
		{`module.app["x"].module.storage[2]`, []string{"app", "storage"}},
	}
	for _, tt := range tests {
		if got := moduleCallPath(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("moduleCallPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResolveReference(t *testing.T) {
	tests := []struct{ module, ref, want string }{
		{"", "aws_s3_bucket.uploads.id", "aws_s3_bucket.uploads"},
		{"", "aws_s3_bucket.uploads", "aws_s3_bucket.uploads"},
		{"", "aws_subnet.private[0].id", "aws_subnet.private[0]"},
		{"module.app.module.storage", "aws_s3_bucket.assets.id", "module.app.module.storage.aws_s3_bucket.assets"},
		{"", "data.aws_iam_policy_document.ci.json", "data.aws_iam_policy_document.ci"},
		{"", "var.db_password", ""},
		{"", "local.tags", ""},
		{"", "count.index", ""},
		{"", "each.value", ""},
		{"", "module.db.endpoint", ""},
		{"", "data.aws_caller_identity", ""},
		{"", "aws_vpc", ""},
	}
	for _, tt := range tests {
		if got := resolveReference(tt.module, tt.ref); got != tt.want {
			t.Errorf("resolveReference(%q, %q) = %q, want %q", tt.module, tt.ref, got, tt.want)
		}
	}
}

func TestSplitAddressMalformed(t *testing.T) {
	for _, in := range []string{"", ".", "[", "]", `a.b["`, `a.b[0`, `a..b`, `a[0]x.b`, `"quoted".x`} {
		segs := splitAddress(in)
		if len(segs) == 0 {
			t.Errorf("splitAddress(%q) returned no segments", in)
		}
		_ = baseAddress(in)
		_ = resolveReference("module.m", in)
	}
	if got := splitAddress(`a.b[0`); got[1].name != "b" || got[1].key != "[0" {
		t.Errorf(`splitAddress("a.b[0") = %+v`, got)
	}
}

// TestSplitAddressFastPath checks the split of addresses without instance
// keys against the general one.
func TestSplitAddressFastPath(t *testing.T) {
	for _, addr := range []string{
		"", ".", "a", "a.b", "module.copy0", "module.a.module.b.aws_s3_bucket.c.id", "a..b.", `a."b".c`,
		"data.aws_iam_policy_document.x", "é.ü", "a\xffb.c",
	} {
		if got, want := splitAddress(addr), splitKeyed(addr); !slices.Equal(got, want) {
			t.Errorf("splitAddress(%q) = %q, want %q", addr, got, want)
		}
	}
}
