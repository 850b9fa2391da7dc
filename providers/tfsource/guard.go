package tfsource

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/annexa-dev/annexa/providers/input"
)

// The HCL parsers and evaluators recurse once per level of nesting, and
// once per operator in a chain such as a+b+c or !!!x. A hostile file could
// nest deeply enough to exhaust the goroutine stack, which Go cannot
// recover from, so every source is scanned for these shapes before it is
// parsed. Real configurations stay far below both limits.
const (
	// maxNesting bounds brackets, braces, parentheses, quotes and template
	// sequences open at once.
	maxNesting = 100
	// maxOperators bounds the operators (and postfix index brackets) in one
	// expression between separators; it bounds the depth of the expression
	// tree that a single level of nesting can hold.
	maxOperators = 1000
)

// guardFrame is one open bracket during a scan.
type guardFrame struct {
	// lineScoped frames (block bodies, object constructors, the file
	// itself) end an expression at each newline; inside parentheses and
	// brackets HCL ignores newlines.
	lineScoped bool
	ops        int
}

// guardTokens checks a token stream from the native syntax lexer.
func guardTokens(toks hclsyntax.Tokens) *hcl.Diagnostic {
	stack := []guardFrame{{lineScoped: true}}
	push := func(t hclsyntax.Token, lineScoped bool) *hcl.Diagnostic {
		if len(stack) > maxNesting {
			return &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Nesting too deep",
				Detail:   fmt.Sprintf("More than %d brackets, braces, quotes or template sequences are open here; annexa refuses such input rather than risk exhausting its stack.", maxNesting),
				Subject:  t.Range.Ptr(),
			}
		}
		stack = append(stack, guardFrame{lineScoped: lineScoped})
		return nil
	}
	count := func(t hclsyntax.Token) *hcl.Diagnostic {
		top := &stack[len(stack)-1]
		top.ops++
		if top.ops > maxOperators {
			return &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Expression too complex",
				Detail:   fmt.Sprintf("More than %d operators or index brackets in one expression; split it into locals.", maxOperators),
				Subject:  t.Range.Ptr(),
			}
		}
		return nil
	}
	for _, t := range toks {
		var d *hcl.Diagnostic
		switch t.Type {
		case hclsyntax.TokenOBrace:
			d = push(t, true)
		case hclsyntax.TokenOBrack:
			if d = count(t); d == nil {
				d = push(t, false)
			}
		case hclsyntax.TokenOParen, hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc,
			hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			d = push(t, false)
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCQuote,
			hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			// Unbalanced input is the parser's to report; never pop the
			// file's own frame.
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case hclsyntax.TokenComma:
			stack[len(stack)-1].ops = 0
		case hclsyntax.TokenNewline:
			if top := &stack[len(stack)-1]; top.lineScoped {
				top.ops = 0
			}
		case hclsyntax.TokenComment:
			if top := &stack[len(stack)-1]; top.lineScoped && bytes.HasSuffix(t.Bytes, []byte("\n")) {
				top.ops = 0
			}
		case hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash,
			hclsyntax.TokenPercent, hclsyntax.TokenAnd, hclsyntax.TokenOr, hclsyntax.TokenBang,
			hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan,
			hclsyntax.TokenLessThanEq, hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq,
			hclsyntax.TokenQuestion:
			d = count(t)
		}
		if d != nil {
			return d
		}
	}
	return nil
}

// guardNative checks native-syntax configuration source.
func guardNative(src []byte, filename string) hcl.Diagnostics {
	toks, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	if d := guardTokens(toks); d != nil {
		return hcl.Diagnostics{d}
	}
	return nil
}

// guardExpression checks a standalone native-syntax expression (a --var
// value).
func guardExpression(src []byte, filename string) hcl.Diagnostics {
	toks, _ := hclsyntax.LexExpression(src, filename, hcl.InitialPos)
	if d := guardTokens(toks); d != nil {
		return hcl.Diagnostics{d}
	}
	return nil
}

// guardTemplate checks template source (a templatefile template, or a JSON
// string that HCL will parse as a template when it is evaluated).
func guardTemplate(src []byte, filename string, start hcl.Pos) hcl.Diagnostics {
	toks, _ := hclsyntax.LexTemplate(src, filename, start)
	if d := guardTokens(toks); d != nil {
		return hcl.Diagnostics{d}
	}
	return nil
}

// guardJSON checks JSON source: its nesting, and every string that holds a
// template sequence. It stops quietly at the first JSON syntax error, which
// the HCL JSON parser then reports with its position.
func guardJSON(src []byte, filename string) hcl.Diagnostics {
	dec := json.NewDecoder(bytes.NewReader(src))
	depth := 0
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				depth++
				if depth > maxNesting {
					line, col := input.Position(src, dec.InputOffset()-1)
					pos := hcl.Pos{Line: line, Column: col, Byte: int(dec.InputOffset() - 1)}
					return hcl.Diagnostics{{
						Severity: hcl.DiagError,
						Summary:  "Nesting too deep",
						Detail:   fmt.Sprintf("More than %d JSON objects or arrays are open here; annexa refuses such input rather than risk exhausting its stack.", maxNesting),
						Subject:  &hcl.Range{Filename: filename, Start: pos, End: pos},
					}}
				}
			} else {
				depth--
			}
		case string:
			if strings.Contains(t, "${") || strings.Contains(t, "%{") {
				// Positions inside the string are approximate (escapes
				// shift them); the line is what matters to the user.
				off := before + int64(bytes.IndexByte(src[before:], '"')) + 1
				line, col := input.Position(src, off)
				pos := hcl.Pos{Line: line, Column: col, Byte: int(off)}
				if d := guardTemplate([]byte(t), filename, pos); d.HasErrors() {
					return d
				}
				if d := guardJSONFor([]byte(t), filename, pos); d.HasErrors() {
					return d
				}
			}
		}
	}
}

// jsonDepthOK reports whether JSON text nests at most maxNesting deep, for
// jsondecode, whose decoder recurses per level. Invalid JSON passes: the
// decoder reports it.
func jsonDepthOK(src string) bool {
	dec := json.NewDecoder(strings.NewReader(src))
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return true
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
				if depth > maxNesting {
					return false
				}
			} else {
				depth--
			}
		}
	}
}

// guardJSONFor refuses a .tf.json string holding more than one for
// expression or directive. HCL's JSON syntax parses and evaluates such a
// string at once, so annexa cannot rewrite its for expressions into
// bounded ones (bounds.go); with at most one per string, no string nests
// loops, and each loop iterates over a collection whose size is bounded.
func guardJSONFor(src []byte, filename string, start hcl.Pos) hcl.Diagnostics {
	toks, _ := hclsyntax.LexTemplate(src, filename, start)
	fors := 0
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t.Type != hclsyntax.TokenIdent || string(t.Bytes) != "for" {
			continue
		}
		switch toks[i-1].Type {
		case hclsyntax.TokenOBrack, hclsyntax.TokenOBrace, hclsyntax.TokenTemplateControl:
			if fors++; fors > 1 {
				return hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "Expression too complex",
					Detail:   "More than one for expression in one .tf.json string; annexa cannot bound the work of nested for expressions there. Move them into a .tf file or into separate locals.",
					Subject:  t.Range.Ptr(),
				}}
			}
		}
	}
	return nil
}
