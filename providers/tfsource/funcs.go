package tfsource

import (
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"math/big"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	ctyyaml "github.com/zclconf/go-cty-yaml"

	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// unsupportedFuncs are Terraform built-in functions annexa does not
// evaluate: their results depend on the machine (abspath, pathexpand), so
// output would not be the same everywhere, or they would put a decrypted
// secret into facts (rsadecrypt). A call gives an unknown value and a
// warning.
var unsupportedFuncs = map[string]bool{
	"abspath": true, "pathexpand": true, "rsadecrypt": true,
}

// maxYAMLBytes bounds the document yamldecode reads, and the alias count
// what it may expand, so that a configuration cannot make annexa build a
// huge value from a small one.
const (
	maxYAMLBytes   = 1 << 20
	maxYAMLAliases = 100
)

// yamlDecodeFunc is Terraform's yamldecode, bounded.
var yamlDecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "src", Type: cty.String}},
	Type: func(args []cty.Value) (cty.Type, error) {
		if err := checkYAMLSource(args[0]); err != nil {
			return cty.NilType, err
		}
		return ctyyaml.YAMLDecodeFunc.ReturnTypeForValues(args)
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return ctyyaml.YAMLDecodeFunc.Call(args)
	},
})

func checkYAMLSource(v cty.Value) error {
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	src := v.AsString()
	if len(src) > maxYAMLBytes {
		return function.NewArgErrorf(0, "YAML document is larger than %d KiB", maxYAMLBytes>>10)
	}
	if strings.Count(src, "*") > maxYAMLAliases {
		return function.NewArgErrorf(0, "YAML document has more than %d aliases (*name); annexa does not expand that many", maxYAMLAliases)
	}
	return nil
}

// strContainsFunc is strcontains (Terraform 1.5): whether a string holds
// a substring.
var strContainsFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}},
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.BoolVal(strings.Contains(args[0].AsString(), args[1].AsString())), nil
	},
})

// isUnevaluatedFunc reports whether calls to name yield unknown values:
// provider-defined functions and the unsupported built-ins.
func isUnevaluatedFunc(name string) bool {
	return strings.HasPrefix(name, "provider::") || unsupportedFuncs[strings.TrimPrefix(name, "core::")]
}

// functions returns the functions available to expressions: Terraform's
// built-ins, with file access confined to the configuration.
func (ev *evaluator) functions() map[string]function.Function {
	if ev.funcTable != nil {
		return ev.funcTable
	}
	t := map[string]function.Function{
		"abs":              stdlib.AbsoluteFunc,
		"alltrue":          allTrueFunc,
		"anytrue":          anyTrueFunc,
		"base64decode":     base64DecodeFunc,
		"base64encode":     stringFunc(func(s string) (string, error) { return base64.StdEncoding.EncodeToString([]byte(s)), nil }),
		"base64gzip":       stringFunc(base64Gzip),
		"base64sha256":     stringFunc(func(s string) (string, error) { return b64Hash(sha256.New(), []byte(s)), nil }),
		"base64sha512":     stringFunc(func(s string) (string, error) { return b64Hash(sha512.New(), []byte(s)), nil }),
		"basename":         stringFunc(func(s string) (string, error) { return filepath.Base(s), nil }),
		"bcrypt":           unknownStringFunc,
		"can":              tryfunc.CanFunc,
		"ceil":             stdlib.CeilFunc,
		"chomp":            stdlib.ChompFunc,
		"chunklist":        stdlib.ChunklistFunc,
		"cidrhost":         cidrHostFunc,
		"cidrnetmask":      cidrNetmaskFunc,
		"cidrsubnet":       cidrSubnetFunc,
		"cidrsubnets":      cidrSubnetsFunc,
		"coalesce":         coalesceFunc,
		"coalescelist":     stdlib.CoalesceListFunc,
		"compact":          stdlib.CompactFunc,
		"concat":           stdlib.ConcatFunc,
		"contains":         stdlib.ContainsFunc,
		"csvdecode":        stdlib.CSVDecodeFunc,
		"dirname":          stringFunc(func(s string) (string, error) { return filepath.Dir(s), nil }),
		"distinct":         stdlib.DistinctFunc,
		"element":          stdlib.ElementFunc,
		"endswith":         endsWithFunc,
		"flatten":          stdlib.FlattenFunc,
		"floor":            stdlib.FloorFunc,
		"format":           boundedFormat(stdlib.FormatFunc),
		"formatdate":       stdlib.FormatDateFunc,
		"formatlist":       boundedFormat(stdlib.FormatListFunc),
		"indent":           indentFunc,
		"index":            indexFunc,
		"issensitive":      isSensitiveFunc,
		"join":             stdlib.JoinFunc,
		"jsondecode":       jsonDecodeFunc,
		"jsonencode":       stdlib.JSONEncodeFunc,
		"keys":             stdlib.KeysFunc,
		"length":           lengthFunc,
		"log":              stdlib.LogFunc,
		"lookup":           lookupFunc,
		"lower":            stdlib.LowerFunc,
		"yamldecode":       yamlDecodeFunc,
		"yamlencode":       ctyyaml.YAMLEncodeFunc,
		"matchkeys":        matchKeysFunc,
		"max":              stdlib.MaxFunc,
		"md5":              stringFunc(func(s string) (string, error) { return hexHash(md5.New(), s), nil }),
		"merge":            stdlib.MergeFunc,
		"min":              stdlib.MinFunc,
		"nonsensitive":     nonsensitiveFunc,
		"one":              oneFunc,
		"parseint":         stdlib.ParseIntFunc,
		"plantimestamp":    unknownStringFunc,
		"pow":              stdlib.PowFunc,
		"range":            stdlib.RangeFunc,
		"regex":            stdlib.RegexFunc,
		"regexall":         stdlib.RegexAllFunc,
		"replace":          replaceFunc,
		"reverse":          stdlib.ReverseListFunc,
		"sensitive":        ev.sensitiveFunc(),
		"setintersection":  stdlib.SetIntersectionFunc,
		"setproduct":       stdlib.SetProductFunc,
		"setsubtract":      stdlib.SetSubtractFunc,
		"setunion":         stdlib.SetUnionFunc,
		"sha1":             stringFunc(func(s string) (string, error) { return hexHash(sha1.New(), s), nil }),
		"sha256":           stringFunc(func(s string) (string, error) { return hexHash(sha256.New(), s), nil }),
		"sha512":           stringFunc(func(s string) (string, error) { return hexHash(sha512.New(), s), nil }),
		"signum":           stdlib.SignumFunc,
		"slice":            stdlib.SliceFunc,
		"sort":             stdlib.SortFunc,
		"split":            stdlib.SplitFunc,
		"startswith":       startsWithFunc,
		"strcontains":      strContainsFunc,
		"textencodebase64": textEncodeBase64Func,
		"textdecodebase64": textDecodeBase64Func,
		"uuidv5":           uuidV5Func,
		"ephemeralasnull":  ephemeralAsNullFunc,
		"strrev":           stdlib.ReverseFunc,
		"substr":           stdlib.SubstrFunc,
		"sum":              sumFunc,
		"timeadd":          stdlib.TimeAddFunc,
		"timecmp":          timeCmpFunc,
		"timestamp":        unknownStringFunc,
		"title":            stdlib.TitleFunc,
		"tobool":           toFunc(cty.Bool),
		"tolist":           toFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":            toFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":         toFunc(cty.Number),
		"toset":            toFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":         toFunc(cty.String),
		"transpose":        transposeFunc,
		"trim":             stdlib.TrimFunc,
		"trimprefix":       stdlib.TrimPrefixFunc,
		"trimspace":        stdlib.TrimSpaceFunc,
		"trimsuffix":       stdlib.TrimSuffixFunc,
		"try":              tryfunc.TryFunc,
		"upper":            stdlib.UpperFunc,
		"urlencode":        stringFunc(func(s string) (string, error) { return url.QueryEscape(s), nil }),
		"uuid":             unknownStringFunc,
		"values":           stdlib.ValuesFunc,
		"zipmap":           stdlib.ZipmapFunc,
		"file":             ev.fileFunc(readText),
		"filebase64":       ev.fileFunc(func(b []byte) (string, error) { return base64.StdEncoding.EncodeToString(b), nil }),
		"filebase64sha256": ev.fileFunc(func(b []byte) (string, error) { return b64Hash(sha256.New(), b), nil }),
		"filebase64sha512": ev.fileFunc(func(b []byte) (string, error) { return b64Hash(sha512.New(), b), nil }),
		"fileexists":       ev.fileExistsFunc(),
		"filemd5":          ev.fileFunc(func(b []byte) (string, error) { return hexHash(md5.New(), string(b)), nil }),
		"filesha1":         ev.fileFunc(func(b []byte) (string, error) { return hexHash(sha1.New(), string(b)), nil }),
		"filesha256":       ev.fileFunc(func(b []byte) (string, error) { return hexHash(sha256.New(), string(b)), nil }),
		"filesha512":       ev.fileFunc(func(b []byte) (string, error) { return hexHash(sha512.New(), string(b)), nil }),
	}
	for name, f := range t {
		if name != "try" && name != "can" {
			t[name] = ev.boundFunc(name, f)
		}
	}
	// templatefile may call every function but itself.
	inner := make(map[string]function.Function, len(t))
	for k, f := range t {
		inner[k] = f
	}
	t["templatefile"] = ev.boundFunc("templatefile", ev.templateFileFunc(inner))
	t["templatestring"] = ev.boundFunc("templatestring", ev.templateStringFunc(inner))
	t["fileset"] = ev.boundFunc("fileset", ev.filesetFunc())
	for name := range unsupportedFuncs {
		t[name] = unknownFunc
	}
	for name := range ev.calledFuncs {
		if strings.HasPrefix(name, "provider::") {
			t[name] = unknownFunc
		}
	}
	// Terraform 1.8 and later also accept core::NAME for every built-in.
	for name, f := range t {
		if !strings.Contains(name, "::") {
			t["core::"+name] = f
		}
	}
	ev.funcTable = t
	return t
}

// unknownFunc stands in for functions annexa does not evaluate.
var unknownFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name: "args", Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true,
	},
	Type: function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) { return cty.DynamicVal, nil },
})

// unknownStringFunc stands in for functions whose result is only known
// when Terraform applies (timestamp, uuid, bcrypt).
var unknownStringFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name: "args", Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true,
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) { return cty.UnknownVal(cty.String), nil },
})

// stringFunc makes a function of one string returning a string.
func stringFunc(f func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			out, err := f(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(out), nil
		},
	})
}

func hexHash(h hash.Hash, s string) string {
	h.Write([]byte(s))
	return hex.EncodeToString(h.Sum(nil))
}

func b64Hash(h hash.Hash, b []byte) string {
	h.Write(b)
	return base64.StdEncoding.EncodeToString(h.Sum(nil))
}

func base64Gzip(s string) (string, error) {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write([]byte(s)); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

var base64DecodeFunc = stringFunc(func(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", fmt.Errorf("failed to decode base64 data: %w", err)
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("the result of decoding the provided string is not valid UTF-8")
	}
	return string(b), nil
})

func readText(b []byte) (string, error) {
	if !utf8.Valid(b) {
		return "", fmt.Errorf("contents are not valid UTF-8; use filebase64 for binary files")
	}
	return string(b), nil
}

var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name: "value", Type: cty.DynamicPseudoType,
		AllowDynamicType: true, AllowUnknown: true, AllowMarked: true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		if ty == cty.String || ty == cty.DynamicPseudoType || ty.IsCollectionType() || ty.IsTupleType() || ty.IsObjectType() {
			return cty.Number, nil
		}
		return cty.NilType, function.NewArgErrorf(0, "argument must be a string, a collection type, or a structural type")
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		ty := v.Type()
		var out cty.Value
		switch {
		case ty == cty.DynamicPseudoType:
			out = cty.UnknownVal(cty.Number)
		case ty.IsTupleType():
			out = cty.NumberIntVal(int64(ty.Length()))
		case ty.IsObjectType():
			out = cty.NumberIntVal(int64(len(ty.AttributeTypes())))
		case !v.IsKnown():
			out = cty.UnknownVal(cty.Number)
		case ty == cty.String:
			n, err := stdlib.Strlen(v)
			if err != nil {
				return cty.UnknownVal(cty.Number), err
			}
			out = n
		default:
			out = v.Length()
		}
		return out.WithMarks(marks), nil
	},
})

var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name: "vals", Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		types := make([]cty.Type, len(args))
		for i, a := range args {
			types[i] = a.Type()
		}
		ty, _ := convert.UnifyUnsafe(types)
		if ty == cty.NilType {
			return cty.NilType, fmt.Errorf("all arguments must have the same type")
		}
		return ty, nil
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		for _, a := range args {
			v, err := convert.Convert(a, retType)
			if err != nil {
				return cty.UnknownVal(retType), err
			}
			if !v.IsKnown() {
				return cty.UnknownVal(retType), nil
			}
			if v.IsNull() || (retType == cty.String && v.AsString() == "") {
				continue
			}
			return v, nil
		}
		return cty.NilVal, fmt.Errorf("no non-null, non-empty-string arguments")
	},
})

var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType},
		{Name: "key", Type: cty.String},
	},
	VarParam: &function.Parameter{
		Name: "default", Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		switch len(args) {
		case 2:
		case 3:
			// A null default (lookup(m, k, null), as registry modules
			// write it) means "null when absent": the type is the map's.
			if !args[2].IsNull() {
				return stdlib.LookupFunc.ReturnTypeForValues(args)
			}
		default:
			return cty.NilType, fmt.Errorf("lookup takes a map, a key and an optional default")
		}
		ty := args[0].Type()
		switch {
		case ty.IsMapType():
			return ty.ElementType(), nil
		case ty.IsObjectType():
			if !args[1].IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			if key := args[1].AsString(); ty.HasAttribute(key) {
				return ty.AttributeType(key), nil
			}
			if len(args) == 3 {
				return cty.DynamicPseudoType, nil
			}
			return cty.NilType, function.NewArgErrorf(1, "lookup failed to find key %q", args[1].AsString())
		case ty == cty.DynamicPseudoType:
			return cty.DynamicPseudoType, nil
		}
		return cty.NilType, function.NewArgErrorf(0, "the first argument must be a map or an object")
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		if len(args) == 3 && !args[2].IsNull() {
			return stdlib.LookupFunc.Call(args)
		}
		m, key := args[0], args[1].AsString()
		if m.Type().IsObjectType() {
			if m.Type().HasAttribute(key) {
				return m.GetAttr(key), nil
			}
			if len(args) == 3 {
				return cty.NullVal(retType), nil
			}
		}
		if m.HasIndex(cty.StringVal(key)).True() {
			return m.Index(cty.StringVal(key)), nil
		}
		if len(args) == 3 {
			return cty.NullVal(retType), nil
		}
		return cty.UnknownVal(retType), fmt.Errorf("lookup failed to find key %q", key)
	},
})

var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String},
		{Name: "substr", Type: cty.String},
		{Name: "replace", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, sub, repl := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(sub) > 1 && strings.HasPrefix(sub, "/") && strings.HasSuffix(sub, "/") {
			re, err := regexp.Compile(sub[1 : len(sub)-1])
			if err != nil {
				return cty.UnknownVal(cty.String), function.NewArgErrorf(1, "invalid regular expression: %s", err)
			}
			return cty.StringVal(re.ReplaceAllString(str, repl)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, sub, repl)), nil
	},
})

var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		if !ty.IsListType() && !ty.IsTupleType() && ty != cty.DynamicPseudoType {
			return cty.NilType, function.NewArgErrorf(0, "argument must be a list or tuple")
		}
		return cty.Number, nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if !args[0].IsKnown() || args[0].Type() == cty.DynamicPseudoType {
			return cty.UnknownVal(cty.Number), nil
		}
		for it := args[0].ElementIterator(); it.Next(); {
			i, v := it.Element()
			eq, err := stdlib.Equal(v, args[1])
			if err != nil {
				return cty.UnknownVal(cty.Number), err
			}
			if !eq.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.UnknownVal(cty.Number), fmt.Errorf("item not found")
	},
})

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsListType() || ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			switch ty.Length() {
			case 0:
				return cty.DynamicPseudoType, nil
			case 1:
				return ty.TupleElementType(0), nil
			}
			return cty.NilType, function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")
		case ty == cty.DynamicPseudoType:
			return cty.DynamicPseudoType, nil
		}
		return cty.NilType, function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		v := args[0]
		if v.Type() == cty.DynamicPseudoType || !v.IsKnown() {
			return cty.UnknownVal(retType), nil
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(retType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.UnknownVal(retType), function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")
	},
})

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		ty := v.Type()
		if !ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType() {
			return cty.UnknownVal(cty.Number), function.NewArgErrorf(0, "cannot sum a value of type %s", ty.FriendlyName())
		}
		if !v.IsWhollyKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		if v.LengthInt() == 0 {
			return cty.UnknownVal(cty.Number), function.NewArgErrorf(0, "cannot sum an empty list")
		}
		total := new(big.Float)
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n, err := convert.Convert(e, cty.Number)
			if err != nil || n.IsNull() {
				return cty.UnknownVal(cty.Number), function.NewArgErrorf(0, "every element must be a number")
			}
			total.Add(total, n.AsBigFloat())
		}
		return cty.NumberVal(total), nil
	},
})

func boolListFunc(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			unknown := false
			for it := args[0].ElementIterator(); it.Next(); {
				_, e := it.Element()
				switch {
				case !e.IsKnown():
					unknown = true
				case e.IsNull():
					if all {
						return cty.False, nil
					}
				case e.True() && !all:
					return cty.True, nil
				case e.False() && all:
					return cty.False, nil
				}
			}
			if unknown {
				return cty.UnknownVal(cty.Bool), nil
			}
			return cty.BoolVal(all), nil
		},
	})
}

var (
	allTrueFunc = boolListFunc(true)
	anyTrueFunc = boolListFunc(false)
)

func affixFunc(match func(s, affix string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "affix", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(match(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

var (
	startsWithFunc = affixFunc(strings.HasPrefix)
	endsWithFunc   = affixFunc(strings.HasSuffix)
)

var transposeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "values", Type: cty.Map(cty.List(cty.String))}},
	Type:   function.StaticReturnType(cty.Map(cty.List(cty.String))),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		out := map[string][]cty.Value{}
		for it := args[0].ElementIterator(); it.Next(); {
			k, list := it.Element()
			if list.IsNull() {
				return cty.NilVal, fmt.Errorf("the list for key %q is null", k.AsString())
			}
			for lit := list.ElementIterator(); lit.Next(); {
				_, v := lit.Element()
				if v.IsNull() {
					return cty.NilVal, fmt.Errorf("the list for key %q contains null", k.AsString())
				}
				out[v.AsString()] = append(out[v.AsString()], k)
			}
		}
		if len(out) == 0 {
			return cty.MapValEmpty(cty.List(cty.String)), nil
		}
		m := make(map[string]cty.Value, len(out))
		for k, v := range out {
			m[k] = cty.ListVal(v)
		}
		return cty.MapVal(m), nil
	},
})

var matchKeysFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "values", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "keys", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "searchset", Type: cty.List(cty.DynamicPseudoType)},
	},
	Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		values, keys, search := args[0], args[1], args[2]
		if values.LengthInt() != keys.LengthInt() {
			return cty.UnknownVal(retType), fmt.Errorf("length of keys and values should be equal")
		}
		if !keys.IsWhollyKnown() || !search.IsWhollyKnown() {
			return cty.UnknownVal(retType), nil
		}
		var out []cty.Value
		i := 0
		for it := keys.ElementIterator(); it.Next(); i++ {
			_, k := it.Element()
			for sit := search.ElementIterator(); sit.Next(); {
				_, s := sit.Element()
				if eq, err := stdlib.Equal(k, s); err == nil && eq.IsKnown() && eq.True() {
					out = append(out, values.Index(cty.NumberIntVal(int64(i))))
					break
				}
			}
		}
		if len(out) == 0 {
			return cty.ListValEmpty(retType.ElementType()), nil
		}
		return cty.ListVal(out), nil
	},
})

var timeCmpFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "a", Type: cty.String}, {Name: "b", Type: cty.String}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		a, err := time.Parse(time.RFC3339, args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.Number), function.NewArgErrorf(0, "not an RFC 3339 timestamp: %s", err)
		}
		b, err := time.Parse(time.RFC3339, args[1].AsString())
		if err != nil {
			return cty.UnknownVal(cty.Number), function.NewArgErrorf(1, "not an RFC 3339 timestamp: %s", err)
		}
		return cty.NumberIntVal(int64(a.Compare(b))), nil
	},
})

// toFunc converts its argument to a type, as tostring, tolist and the
// other to* functions do.
func toFunc(target cty.Type) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{
			Name: "v", Type: cty.DynamicPseudoType,
			AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true,
		}},
		Type: func(args []cty.Value) (cty.Type, error) {
			got := args[0].Type()
			if got.Equals(target) {
				return got, nil
			}
			if convert.GetConversionUnsafe(got, target) == nil {
				return cty.NilType, function.NewArgErrorf(0, "cannot convert %s to %s", got.FriendlyName(), target.FriendlyNameForConstraint())
			}
			if !target.HasDynamicTypes() {
				return target, nil
			}
			if v, err := convert.Convert(args[0], target); err == nil {
				return v.Type(), nil
			}
			return cty.DynamicPseudoType, nil
		},
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			v, err := convert.Convert(args[0], retType)
			if err != nil {
				return cty.NilVal, function.NewArgErrorf(0, "cannot convert to %s: %s", target.FriendlyNameForConstraint(), err)
			}
			return v, nil
		},
	})
}

// sensitiveFunc marks its argument sensitive and remembers its strings.
func (ev *evaluator) sensitiveFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{
			Name: "value", Type: cty.DynamicPseudoType,
			AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true,
		}},
		Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			ev.addSecrets(args[0])
			return args[0].Mark(sensitive), nil
		},
	})
}

var nonsensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name: "value", Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		delete(marks, sensitive)
		return v.WithMarks(marks), nil
	},
})

var isSensitiveFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name: "value", Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true,
	}},
	Type: function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.BoolVal(args[0].HasMark(sensitive)), nil
	},
})

// maxPad bounds widths, precisions and indents, which would otherwise let
// one short expression allocate gigabytes.
const maxPad = 1000

var formatNumber = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?(\d*)(?:\.(\d*))?`)

// boundedFormat wraps format and formatlist to reject absurd widths.
func boundedFormat(f function.Function) function.Function {
	spec := &function.Spec{
		Params:   f.Params(),
		VarParam: f.VarParam(),
		Type: func(args []cty.Value) (cty.Type, error) {
			if err := checkFormat(args[0]); err != nil {
				return cty.NilType, err
			}
			return f.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return f.Call(args) },
	}
	return function.New(spec)
}

func checkFormat(v cty.Value) error {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return nil
	}
	for _, m := range formatNumber.FindAllStringSubmatch(v.AsString(), -1) {
		for _, n := range m[2:] {
			if n == "" {
				continue
			}
			if i, err := strconv.Atoi(n); err != nil || i > maxPad {
				return function.NewArgErrorf(0, "width or precision %s is larger than %d", n, maxPad)
			}
		}
	}
	return nil
}

var indentFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "spaces", Type: cty.Number}, {Name: "str", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		bf := args[0].AsBigFloat()
		n, acc := bf.Int64()
		if !bf.IsInt() || acc != 0 || n < 0 || n > maxPad {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "spaces must be a whole number from 0 to %d", maxPad)
		}
		return cty.StringVal(strings.ReplaceAll(args[1].AsString(), "\n", "\n"+strings.Repeat(" ", int(n)))), nil
	},
})

var jsonDecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	Type: func(args []cty.Value) (cty.Type, error) {
		if args[0].IsKnown() && !jsonDepthOK(args[0].AsString()) {
			return cty.NilType, function.NewArgErrorf(0, "JSON nested more than %d levels deep", maxNesting)
		}
		return stdlib.JSONDecodeFunc.ReturnTypeForValues(args)
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return stdlib.JSONDecodeFunc.Call(args) },
})
