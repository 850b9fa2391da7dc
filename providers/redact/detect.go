package redact

import (
	_ "embed"
	"fmt"
	"math"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"
)

// The rule set of literal secrets is gitleaks' default configuration
// (github.com/zricethezav/gitleaks/v8, config/gitleaks.toml of v8.30.1,
// MIT licence in gitleaks.LICENSE beside this file), embedded as data.
// annexa does not import gitleaks: its module brings some 67 modules
// (archive decoders, a WebAssembly runtime, terminal styling, viper) into
// a binary that signs evidence, for a matcher of a hundred lines. The
// rules are regular expressions for Go's regexp package, so matching is
// linear in the text; this file applies them as gitleaks' detector does:
// keyword prefilter, the secret group, the Shannon entropy threshold, the
// global and per-rule allowlists (regexes with their target, stopwords,
// AND conditions). Rules that need a file path (they judge file names,
// not values) are left out: a value has no path. Refresh the file from a
// newer gitleaks release to update the rules.
//
//go:embed gitleaks.toml
var gitleaksTOML []byte

// ScanWindow bounds the text one regular-expression pass reads: a longer
// value is scanned in windows of this size that overlap by ScanOverlap,
// so the work is linear in the value and bounded per pass, and a secret
// that is shorter than the overlap is seen whole in some window.
const (
	ScanWindow  = 64 << 10
	ScanOverlap = 4 << 10
)

// Finding is a literal secret found in a text: the rule that matched and
// where the secret is. It never holds the secret itself, so it cannot leak
// into a message.
type Finding struct {
	Rule       string
	Start, End int
}

type glAllowlist struct {
	Condition   string   `toml:"condition"`
	RegexTarget string   `toml:"regexTarget"`
	Regexes     []string `toml:"regexes"`
	StopWords   []string `toml:"stopwords"`
	Paths       []string `toml:"paths"`
	Commits     []string `toml:"commits"`
}

type glRule struct {
	ID          string        `toml:"id"`
	Regex       string        `toml:"regex"`
	Path        string        `toml:"path"`
	Entropy     float64       `toml:"entropy"`
	SecretGroup int           `toml:"secretGroup"`
	Keywords    []string      `toml:"keywords"`
	Allowlists  []glAllowlist `toml:"allowlists"`
}

type glConfig struct {
	Allowlist glAllowlist `toml:"allowlist"`
	Rules     []glRule    `toml:"rules"`
}

type allowlist struct {
	and       bool
	target    string
	regexes   []*regexp.Regexp
	stopwords []string
	// needsPath: an AND condition with a path or commit check, which a
	// value never meets.
	needsPath bool
}

type rule struct {
	id string
	// regex is the rule's expression, compiled on first use (regexps).
	regex       string
	compiled    *compiledRule
	entropy     float64
	secretGroup int
	// keywords index ruleSet.keywords: the rule runs only on a text that
	// holds one of them, ignoring case.
	keywords []int
	allow    []allowlist
}

// compiledRule holds a rule's expressions once compiled. Compiling the
// two hundred rules took 80 ms, on the path of every run, and a run's
// texts hold the keywords of few of them.
type compiledRule struct {
	once sync.Once
	re   *regexp.Regexp
	// gate is re with every bounded repetition made unbounded ({10,150}
	// becomes {10,}): it matches a superset of what re matches, and Go's
	// matcher runs it tens of times faster, so re, with its capture
	// groups, runs only on the texts gate matches.
	gate *regexp.Regexp
	err  error
}

// regexps returns the rule's expression and its gate (nil if it has
// none), compiling them on the first call.
func (r *rule) regexps() (re, gate *regexp.Regexp, err error) {
	c := r.compiled
	c.once.Do(func() {
		if c.re, c.err = regexp.Compile(r.regex); c.err != nil {
			c.err = fmt.Errorf("secret rule %s: %w", r.id, c.err)
			return
		}
		c.gate = loosen(r.regex)
	})
	return c.re, c.gate, c.err
}

// ruleSet is the rule set; it is built once and only read.
type ruleSet struct {
	rules  []rule
	global allowlist
	// keywords are the distinct lower-case keywords of all rules.
	// byPrefix lists those of two bytes or more by their first two
	// bytes, and short the others, so that one pass over a text finds
	// every keyword it holds instead of one search per rule and keyword:
	// with some two hundred rules, that search was most of the time spent
	// redacting a plan.
	keywords []string
	byPrefix map[[2]byte][]int
	// pairs has a bit set for each first two bytes in byPrefix, so
	// that most positions of a text need no map lookup.
	pairs [1 << 16 / 64]uint64
	short []int
	// byKeyword lists, by keyword, the rules that have it, and always
	// the rules without keywords: the rules a text is matched against are
	// these for the keywords it holds, most often none.
	byKeyword [][]int
	always    []int
}

// addKeyword returns the index of the lower-case keyword k, adding it.
func (rs *ruleSet) addKeyword(k string, ids map[string]int) int {
	if id, ok := ids[k]; ok {
		return id
	}
	id := len(rs.keywords)
	ids[k] = id
	rs.keywords = append(rs.keywords, k)
	if len(k) < 2 {
		rs.short = append(rs.short, id)
		return id
	}
	if rs.byPrefix == nil {
		rs.byPrefix = map[[2]byte][]int{}
	}
	p := [2]byte{k[0], k[1]}
	rs.byPrefix[p] = append(rs.byPrefix[p], id)
	pair := int(k[0])<<8 | int(k[1])
	rs.pairs[pair/64] |= 1 << (pair % 64)
	return id
}

// keywordSet holds, by index of ruleSet.keywords, the keywords found in
// a text.
type keywordSet []uint64

func (k keywordSet) has(id int) bool { return k[id/64]&(1<<(id%64)) != 0 }
func (k keywordSet) add(id int)      { k[id/64] |= 1 << (id % 64) }

// keywordsIn records in found (cleared, with room for every keyword) which
// keywords lower holds.
func (rs *ruleSet) keywordsIn(lower string, found keywordSet) {
	clear(found)
	for _, id := range rs.short {
		if strings.Contains(lower, rs.keywords[id]) {
			found.add(id)
		}
	}
	if len(rs.byPrefix) == 0 {
		return
	}
	for i := 0; i+1 < len(lower); i++ {
		if pair := int(lower[i])<<8 | int(lower[i+1]); rs.pairs[pair/64]&(1<<(pair%64)) == 0 {
			continue
		}
		for _, id := range rs.byPrefix[[2]byte{lower[i], lower[i+1]}] {
			if !found.has(id) && strings.HasPrefix(lower[i:], rs.keywords[id]) {
				found.add(id)
			}
		}
	}
}

// newKeywordSet returns a keywordSet with room for rs's keywords, in buf
// when it is large enough, so that a scan need not allocate one.
func (rs *ruleSet) newKeywordSet(buf []uint64) keywordSet {
	n := (len(rs.keywords) + 63) / 64
	if n <= len(buf) {
		return buf[:n]
	}
	return make(keywordSet, n)
}

var loadRules = sync.OnceValues(func() (*ruleSet, error) {
	var cfg glConfig
	if err := toml.Unmarshal(gitleaksTOML, &cfg); err != nil {
		return nil, fmt.Errorf("secret rules: %w", err)
	}
	global, err := compileAllowlist(cfg.Allowlist)
	if err != nil {
		return nil, err
	}
	rs := &ruleSet{global: global}
	keywordIDs := map[string]int{}
	for _, r := range cfg.Rules {
		if r.Regex == "" || r.Path != "" {
			continue
		}
		cr := rule{id: r.ID, regex: r.Regex, compiled: &compiledRule{}, entropy: r.Entropy, secretGroup: r.SecretGroup}
		for _, k := range r.Keywords {
			cr.keywords = append(cr.keywords, rs.addKeyword(strings.ToLower(k), keywordIDs))
		}
		for _, a := range r.Allowlists {
			ca, err := compileAllowlist(a)
			if err != nil {
				return nil, fmt.Errorf("secret rule %s: %w", r.ID, err)
			}
			cr.allow = append(cr.allow, ca)
		}
		rs.rules = append(rs.rules, cr)
	}
	rs.byKeyword = make([][]int, len(rs.keywords))
	for i, r := range rs.rules {
		if len(r.keywords) == 0 {
			rs.always = append(rs.always, i)
		}
		for _, k := range r.keywords {
			if !slices.Contains(rs.byKeyword[k], i) {
				rs.byKeyword[k] = append(rs.byKeyword[k], i)
			}
		}
	}
	return rs, nil
})

// loosen returns the regular expression src with its bounded repetitions
// unbounded, nil if that cannot be done.
func loosen(src string) *regexp.Regexp {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	var walk func(*syntax.Regexp)
	walk = func(r *syntax.Regexp) {
		if r.Op == syntax.OpRepeat && r.Max > r.Min {
			r.Max = -1
		}
		for _, s := range r.Sub {
			walk(s)
		}
	}
	walk(re)
	// A leading optional part ([\w.-]{0,50}? in front of a keyword) does
	// not change whether an unanchored search finds a match.
	if re.Op == syntax.OpConcat && len(re.Sub) > 1 {
		if first := re.Sub[0]; (first.Op == syntax.OpStar || (first.Op == syntax.OpRepeat && first.Min == 0)) && !hasCapture(first) {
			re.Sub = re.Sub[1:]
		}
	}
	gate, err := regexp.Compile(re.String())
	if err != nil {
		return nil
	}
	return gate
}

func hasCapture(r *syntax.Regexp) bool {
	if r.Op == syntax.OpCapture {
		return true
	}
	for _, s := range r.Sub {
		if hasCapture(s) {
			return true
		}
	}
	return false
}

func compileAllowlist(a glAllowlist) (allowlist, error) {
	out := allowlist{and: strings.EqualFold(a.Condition, "AND"), target: a.RegexTarget}
	out.needsPath = out.and && (len(a.Paths) > 0 || len(a.Commits) > 0)
	for _, s := range a.Regexes {
		re, err := regexp.Compile(s)
		if err != nil {
			return out, fmt.Errorf("allowlist regex %q: %w", s, err)
		}
		out.regexes = append(out.regexes, re)
	}
	for _, w := range a.StopWords {
		out.stopwords = append(out.stopwords, strings.ToLower(w))
	}
	return out, nil
}

// rules returns the rule set. The embedded rules load (a test checks it);
// should they not, detection falls back to the name rules.
func rules() *ruleSet {
	rs, err := loadRules()
	if err != nil {
		return &ruleSet{}
	}
	return rs
}

// RuleCount is the number of value rules in use, for tests and docs.
func RuleCount() (int, error) {
	rs, err := loadRules()
	if err != nil {
		return 0, err
	}
	return len(rs.rules), nil
}

// ScanText finds literal secrets in text with the rule set. A text longer
// than ScanWindow is scanned in overlapping windows; findings are in text
// order, without repeats.
func ScanText(text string) []Finding {
	if len(text) <= ScanWindow {
		return rules().scan(text, 0)
	}
	var out []Finding
	seen := map[[2]int]bool{}
	for start := 0; start < len(text); start += ScanWindow - ScanOverlap {
		end := min(start+ScanWindow, len(text))
		for _, f := range rules().scan(text[start:end], start) {
			if k := [2]int{f.Start, f.End}; !seen[k] {
				seen[k] = true
				out = append(out, f)
			}
		}
		if end == len(text) {
			break
		}
	}
	return out
}

func (rs *ruleSet) scan(text string, offset int) []Finding {
	if text == "" {
		return nil
	}
	var out []Finding
	for _, i := range rs.candidates(text) {
		r := &rs.rules[i]
		re, gate, err := r.regexps()
		if err != nil || gate != nil && !gate.MatchString(text) {
			// The embedded rules compile (TestRuleSetCompiles).
			continue
		}
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			match := strings.Trim(text[m[0]:m[1]], "\n")
			start, end := m[0], m[1]
			if g := r.group(m); g > 0 {
				start, end = m[2*g], m[2*g+1]
			} else if r.secretGroup > 0 {
				continue
			} else {
				start = m[0] + strings.Index(text[m[0]:m[1]], match)
				end = start + len(match)
			}
			secret := text[start:end]
			if secret == "" {
				continue
			}
			if r.entropy != 0 && shannonEntropy(secret) <= r.entropy {
				continue
			}
			line := lineAround(text, start, end)
			if rs.global.allows(secret, match, line) || r.allows(secret, match, line) {
				continue
			}
			out = append(out, Finding{Rule: r.id, Start: offset + start, End: offset + end})
		}
	}
	return out
}

// group picks the secret's capture group as gitleaks does: the declared
// secretGroup, else the first non-empty group, else the whole match (0).
func (r *rule) group(m []int) int {
	groups := len(m)/2 - 1
	if r.secretGroup > 0 {
		if r.secretGroup <= groups && m[2*r.secretGroup] >= 0 {
			return r.secretGroup
		}
		return -1
	}
	for g := 1; g <= groups; g++ {
		if m[2*g] >= 0 && m[2*g+1] > m[2*g] {
			return g
		}
	}
	return 0
}

// candidates returns, in rule order, the indexes of the rules that run on
// text: those without keywords and those with a keyword the text holds,
// ignoring case.
func (rs *ruleSet) candidates(text string) []int {
	var buf [16]uint64
	found := rs.newKeywordSet(buf[:])
	rs.keywordsIn(strings.ToLower(text), found)
	out := slices.Clone(rs.always)
	for w, word := range found {
		for word != 0 {
			id := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			out = append(out, rs.byKeyword[id]...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (r *rule) allows(secret, match, line string) bool {
	for i := range r.allow {
		if r.allow[i].allows(secret, match, line) {
			return true
		}
	}
	return false
}

func (a *allowlist) allows(secret, match, line string) bool {
	target := secret
	switch a.target {
	case "match":
		target = match
	case "line":
		target = line
	}
	regexAllowed := false
	for _, re := range a.regexes {
		if re.MatchString(target) {
			regexAllowed = true
			break
		}
	}
	stop := false
	lower := strings.ToLower(secret)
	for _, w := range a.stopwords {
		if strings.Contains(lower, w) {
			stop = true
			break
		}
	}
	if !a.and {
		return regexAllowed || stop
	}
	if a.needsPath {
		return false
	}
	checks := 0
	ok := true
	if len(a.regexes) > 0 {
		checks++
		ok = ok && regexAllowed
	}
	if len(a.stopwords) > 0 {
		checks++
		ok = ok && stop
	}
	return checks > 0 && ok
}

// lineAround returns the line(s) holding text[start:end].
func lineAround(text string, start, end int) string {
	ls := strings.LastIndexByte(text[:start], '\n') + 1
	le := strings.IndexByte(text[end:], '\n')
	if le < 0 {
		return text[ls:]
	}
	return text[ls : end+le]
}

func shannonEntropy(s string) float64 {
	if s == "" {
		return 0
	}
	counts := map[rune]int{}
	for _, r := range s {
		counts[r]++
	}
	inv := 1.0 / float64(len(s))
	e := 0.0
	for _, c := range counts {
		f := float64(c) * inv
		e -= f * math.Log2(f)
	}
	return e
}

// MaxNamedValue is the longest value judged as a name-and-value line; a
// longer one is judged as text.
const MaxNamedValue = 4 << 10

// DetectNamed reports whether value, found under the name name (an
// attribute, a map key, an environment variable), is a literal secret,
// and by which rule: the name alone (password, DB_PASSWORD, PGPASS), a URL
// with a password, or a value rule of the rule set applied to the line
// `name = "value"` that gitleaks would read in a source file. Only a
// finding inside the value counts. The result names the rule, never the
// value.
func DetectNamed(name, value string) (string, bool) {
	return detectNamed(name, value, isEnvStyle(name))
}

// DetectEnv is DetectNamed for the value of an environment variable (the
// value of a {"name": ..., "value": ...} pair): its name is judged by the
// environment variable rules whatever its case.
func DetectEnv(name, value string) (string, bool) {
	return detectNamed(name, value, true)
}

// isEnvStyle reports whether name is written as environment variables are,
// upper case with underscores (JWT_SIGNING_KEY, PGPASS): such a name is
// judged by IsSecretEnvName. An attribute name (auth_token_update_strategy)
// is judged by IsSecretName only, whose rule is stricter.
func isEnvStyle(name string) bool {
	hasUpper := false
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			hasUpper = true
		case r >= '0' && r <= '9', r == '_':
		default:
			return false
		}
	}
	return hasUpper
}

func detectNamed(name, value string, env bool) (string, bool) {
	if value == "" || strings.Contains(value, "\n") || len(value) > MaxNamedValue {
		return "", false
	}
	switch {
	case name != "" && (IsSecretName(name) || (env && IsSecretEnvName(name))):
		return "secret-name", true
	case HasURLCredentials(value):
		return "url-credentials", true
	}
	if name == "" {
		for _, f := range ScanText(value) {
			return f.Rule, true
		}
		return "", false
	}
	prefix := name + ` = "`
	line := prefix + value + `"`
	for _, f := range ScanText(line) {
		if f.End > len(prefix) && f.Start < len(prefix)+len(value) {
			return f.Rule, true
		}
	}
	return "", false
}
