package config

import (
	"fmt"
	"strings"

	"github.com/annexa-dev/annexa/providers/input"
)

// sshdMultiValued are the sshd_config keywords whose every occurrence
// counts; for every other keyword sshd uses the first value it reads.
var sshdMultiValued = map[string]bool{
	"acceptenv": true, "allowgroups": true, "allowusers": true, "denygroups": true, "denyusers": true,
	"hostkey": true, "hostcertificate": true, "listenaddress": true, "port": true, "subsystem": true,
	"setenv": true, "channeltimeout": true,
}

// sshdBlock is the global section or one Match block.
type sshdBlock struct {
	settings map[string]any
	lines    map[string]any
}

func newSSHDBlock() sshdBlock {
	return sshdBlock{settings: map[string]any{}, lines: map[string]any{}}
}

func (b sshdBlock) set(keyword, value string, line int) {
	if sshdMultiValued[keyword] {
		prev, _ := b.settings[keyword].([]any)
		b.settings[keyword] = append(prev, value)
		if _, seen := b.lines[keyword]; !seen {
			b.lines[keyword] = int64(line)
		}
		return
	}
	if _, seen := b.settings[keyword]; seen {
		return
	}
	b.settings[keyword] = value
	b.lines[keyword] = int64(line)
}

// parseSSHD reads an OpenSSH server configuration the way sshd does:
// keywords case-insensitive (kept lower-cased), "Keyword value" or
// "Keyword=value", double-quoted arguments, the first value of a keyword
// wins (every value of the multi-valued ones is kept, in order). Match
// blocks are kept apart with their criteria, since their settings apply
// only to the connections they match. Include lines are listed, not
// followed: their paths are the server's, not annexa's.
func parseSSHD(path string, data []byte) ([]parsed, error) {
	data, err := input.CheckText(path, data)
	if err != nil {
		return nil, err
	}
	global := newSSHDBlock()
	var matches []any
	var includes []any
	current := global
	for i, raw := range strings.Split(string(data), "\n") {
		line := i + 1
		text := strings.TrimSpace(strings.TrimSuffix(raw, "\r"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		keyword, rest := splitKeyword(text)
		args, err := sshdArgs(rest)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %s: %w", path, line, keyword, err)
		}
		if len(args) == 0 {
			return nil, fmt.Errorf("%s:%d: %s has no value", path, line, keyword)
		}
		kw := strings.ToLower(keyword)
		value := strings.Join(args, " ")
		switch kw {
		case "match":
			current = newSSHDBlock()
			matches = append(matches, map[string]any{
				"criteria": value,
				"line":     int64(line),
				"settings": current.settings,
				"lines":    current.lines,
			})
		case "include":
			for _, a := range args {
				includes = append(includes, a)
			}
		default:
			current.set(kw, value, line)
		}
	}
	attrs := map[string]any{"settings": global.settings, "lines": global.lines}
	if len(matches) > 0 {
		attrs["match"] = matches
	}
	if len(includes) > 0 {
		attrs["includes"] = includes
	}
	return []parsed{{file: path, typ: TypeSSHD, name: name(path), attributes: attrs}}, nil
}

// splitKeyword splits "Keyword value" and "Keyword=value".
func splitKeyword(text string) (keyword, rest string) {
	end := strings.IndexAny(text, " \t=")
	if end < 0 {
		return text, ""
	}
	keyword, rest = text[:end], strings.TrimLeft(text[end:], " \t")
	if r, ok := strings.CutPrefix(rest, "="); ok {
		rest = strings.TrimLeft(r, " \t")
	}
	return keyword, rest
}

// sshdArgs splits arguments on white space; a double-quoted argument may
// hold spaces, and an unquoted argument starting with # ends the line.
func sshdArgs(s string) ([]string, error) {
	var out []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" || s[0] == '#' {
			return out, nil
		}
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("unterminated quoted argument %s", s)
			}
			out = append(out, s[1:end+1])
			s = s[end+2:]
			continue
		}
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			return append(out, s), nil
		}
		out = append(out, s[:end])
		s = s[end:]
	}
}
