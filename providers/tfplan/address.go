package tfplan

import (
	"strings"
	"unicode/utf8"
)

// segment is one dot-separated step of a Terraform address, with the
// instance key that may follow it in brackets ("private" and "[0]" in
// aws_subnet.private[0]).
type segment struct {
	name string
	key  string // including the brackets, "" when absent
}

// splitAddress splits a Terraform address or reference into segments,
// keeping dots and brackets inside quoted keys intact
// (module.a["x.y"].aws_s3_bucket.b[0].id).
func splitAddress(addr string) []segment {
	if !strings.Contains(addr, "[") && utf8.ValidString(addr) {
		// Without instance keys an address is its dot-separated
		// names, most references and module addresses among them.
		segs := make([]segment, 0, strings.Count(addr, ".")+1)
		for name := range strings.SplitSeq(addr, ".") {
			segs = append(segs, segment{name: name})
		}
		return segs
	}
	return splitKeyed(addr)
}

// splitKeyed is splitAddress for an address with instance keys.
func splitKeyed(addr string) []segment {
	var segs []segment
	var cur segment
	var b strings.Builder
	named, inKey, inQuote, escaped := false, false, false, false
	takeName := func() {
		if !named {
			cur.name, named = b.String(), true
			b.Reset()
		}
	}
	for _, r := range addr {
		switch {
		case inQuote:
			b.WriteRune(r)
			switch {
			case escaped:
				escaped = false
			case r == '\\':
				escaped = true
			case r == '"':
				inQuote = false
			}
		case inKey:
			b.WriteRune(r)
			switch r {
			case '"':
				inQuote = true
			case ']':
				inKey = false
				cur.key += b.String()
				b.Reset()
			}
		case r == '[':
			takeName()
			inKey = true
			b.WriteRune(r)
		case r == '.':
			takeName()
			segs = append(segs, cur)
			cur, named = segment{}, false
		default:
			b.WriteRune(r)
		}
	}
	if inKey {
		cur.key += b.String()
	} else {
		takeName()
	}
	return append(segs, cur)
}

// baseAddress drops the resource's own instance key from an instance
// address, keeping module keys: module.a[0].aws_subnet.b[1] becomes
// module.a[0].aws_subnet.b.
func baseAddress(addr string) string {
	segs := splitAddress(addr)
	if len(segs) == 0 || segs[len(segs)-1].key == "" {
		return addr
	}
	return strings.TrimSuffix(addr, segs[len(segs)-1].key)
}

// moduleCallPath turns a module instance address into the names of the
// module calls it goes through: module.app[0].module.storage gives
// [app storage].
func moduleCallPath(moduleAddr string) []string {
	if moduleAddr == "" {
		return nil
	}
	segs := splitAddress(moduleAddr)
	var names []string
	for i := 0; i+1 < len(segs); i += 2 {
		if segs[i].name == "module" {
			names = append(names, segs[i+1].name)
		}
	}
	return names
}

// resolveReference turns a reference from a configuration expression (as
// listed in the plan's "references") into the address of the resource it
// names, in the module instance moduleAddr. It returns "" for references
// that are not to resources (variables, locals, count.index, module
// outputs, ...).
func resolveReference(moduleAddr, ref string) string {
	segs := splitAddress(ref)
	if len(segs) < 2 {
		return ""
	}
	var local string
	switch segs[0].name {
	case "var", "local", "count", "each", "path", "terraform", "self", "module":
		return ""
	case "data":
		if len(segs) < 3 {
			return ""
		}
		local = "data." + segs[1].name + "." + segs[2].name + segs[2].key
	default:
		local = segs[0].name + "." + segs[1].name + segs[1].key
	}
	if moduleAddr == "" {
		return local
	}
	return moduleAddr + "." + local
}

// ConfigAddress is the address of the configuration block an instance
// address comes from: every instance key dropped
// (module.a["x"].aws_subnet.b[0] is module.a.aws_subnet.b).
func ConfigAddress(addr string) string {
	segs := splitAddress(addr)
	names := make([]string, len(segs))
	for i, s := range segs {
		names[i] = s.name
	}
	return strings.Join(names, ".")
}
