package tfsource

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// body is a block body read without a provider schema. Native syntax says
// what is an attribute and what is a nested block; JSON syntax does not, so
// a JSON body holds as blocks only the block types Terraform itself defines
// (dynamic, lifecycle, ...) and everything else as attributes.
type body struct {
	attrs  map[string]*hcl.Attribute
	blocks []*block
	// rng covers the whole body, for diagnostics about what is missing.
	rng hcl.Range
}

// block is one nested or top-level block.
type block struct {
	typ      string
	labels   []string
	body     *body
	defRange hcl.Range
}

// attrNames returns the body's attribute names in order.
func (b *body) attrNames() []string {
	names := make([]string, 0, len(b.attrs))
	for n := range b.attrs {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// take removes and returns the attribute called name, nil when absent.
func (b *body) take(name string) *hcl.Attribute {
	a := b.attrs[name]
	delete(b.attrs, name)
	return a
}

// dropBlocks removes the nested blocks of type typ.
func (b *body) dropBlocks(typ string) {
	b.blocks = slices.DeleteFunc(b.blocks, func(blk *block) bool { return blk.typ == typ })
}

// metaBlocks are the nested block types Terraform defines inside a block
// of each type; in JSON syntax these are the only nested blocks recognised.
var metaBlocks = map[string][]hcl.BlockHeaderSchema{
	"resource": {{Type: "lifecycle"}, {Type: "provisioner", LabelNames: []string{"type"}},
		{Type: "connection"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	"data":               {{Type: "lifecycle"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	"ephemeral":          {{Type: "lifecycle"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	"dynamic":            {{Type: "content"}},
	"content":            {{Type: "dynamic", LabelNames: []string{"type"}}},
	"variable":           {{Type: "validation"}},
	"output":             {{Type: "precondition"}},
	"terraform":          {{Type: "required_providers"}, {Type: "backend", LabelNames: []string{"type"}}, {Type: "cloud"}, {Type: "provider_meta", LabelNames: []string{"provider"}}},
	"lifecycle":          {{Type: "precondition"}, {Type: "postcondition"}},
	"required_providers": nil,
}

// readBody converts an HCL body of a block of type typ into a body.
func readBody(b hcl.Body, typ string) (*body, hcl.Diagnostics) {
	if sb, ok := b.(*hclsyntax.Body); ok {
		return readNativeBody(sb), nil
	}
	content, remain, diags := b.PartialContent(&hcl.BodySchema{Blocks: metaBlocks[typ]})
	attrs, moreDiags := remain.JustAttributes()
	diags = append(diags, moreDiags...)
	out := &body{attrs: map[string]*hcl.Attribute{}, rng: b.MissingItemRange()}
	for name, a := range attrs {
		// Terraform's JSON syntax reserves "//" for comments.
		if name != "//" {
			out.attrs[name] = a
		}
	}
	if content != nil {
		for _, blk := range content.Blocks {
			nb, d := readBody(blk.Body, blk.Type)
			diags = append(diags, d...)
			out.blocks = append(out.blocks, &block{typ: blk.Type, labels: blk.Labels, body: nb, defRange: blk.DefRange})
		}
	}
	return out, diags
}

func readNativeBody(sb *hclsyntax.Body) *body {
	out := &body{attrs: make(map[string]*hcl.Attribute, len(sb.Attributes)), rng: sb.SrcRange}
	for name, a := range sb.Attributes {
		out.attrs[name] = a.AsHCLAttribute()
	}
	for _, blk := range sb.Blocks {
		out.blocks = append(out.blocks, &block{
			typ: blk.Type, labels: blk.Labels, body: readNativeBody(blk.Body), defRange: blk.DefRange(),
		})
	}
	return out
}

// blockKind is the block type a nested block contributes to: its own type,
// or for a dynamic block the type it generates.
func blockKind(b *block) string {
	if b.typ == "dynamic" && len(b.labels) == 1 {
		return b.labels[0]
	}
	return b.typ
}

// mergeBody applies an override body to a base body as Terraform does:
// each attribute in the override replaces the base's, and the nested blocks
// of each type the override has replace all base blocks of that type.
func mergeBody(base, over *body) {
	for name, a := range over.attrs {
		base.attrs[name] = a
	}
	replaced := map[string]bool{}
	for _, b := range over.blocks {
		replaced[blockKind(b)] = true
	}
	base.blocks = slices.DeleteFunc(base.blocks, func(b *block) bool { return replaced[blockKind(b)] })
	base.blocks = append(base.blocks, over.blocks...)
}

// blockKey identifies a top-level block for duplicate and override
// matching.
func blockKey(b *block) string {
	return b.typ + "\x00" + strings.Join(b.labels, "\x00")
}
