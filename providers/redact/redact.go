// Package redact removes secrets from provider output before anything else
// in annexa can see them, and separates values known only after apply from
// known ones. Every provider that reads values a user may have put secrets
// in (plans, Terraform source, manifests, config files) runs them through a
// Redactor.
package redact

import (
	"encoding/json"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/annexa-dev/annexa/providers/facts"
)

// secretWords are attribute-name endings whose string values are treated as
// secrets even when no source marks them sensitive.
var secretWords = []string{
	"password", "passwd", "secret", "token", "private_key", "secret_key", "access_key", "api_key",
}

// MinContainedSecret is the shortest declared secret that is also scrubbed
// where it appears inside a longer string; shorter ones are only redacted
// where they are the whole value, so that a secret such as "1" does not
// mangle every string holding that character.
const MinContainedSecret = 6

// IsSecretName reports whether an attribute named key holds a secret by its
// name alone (password, db_password, auth_token, ...). camelCase and
// kebab-case names are read as their snake_case form, so the keys of JSON
// and YAML configuration files (clientSecret, api-key) are judged alike.
func IsSecretName(key string) bool {
	key = snakeCase(key)
	for _, w := range secretWords {
		if key == w || strings.HasSuffix(key, "_"+w) {
			return true
		}
	}
	return false
}

// snakeCase lower-cases s, turning "clientSecret", "DBPassword" and
// "api-key" into "client_secret", "db_password" and "api_key".
func snakeCase(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i, r := range rs {
		if r == '-' {
			b.WriteByte('_')
			continue
		}
		if unicode.IsUpper(r) && i > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// envSecretWords mark an environment variable as a secret wherever they
// stand in its name (SECRET_KEY_BASE, DB_PASSWORD, GITHUB_TOKEN).
var envSecretWords = map[string]bool{
	"password": true, "passwd": true, "passphrase": true, "secret": true, "token": true,
	"credential": true, "credentials": true, "apikey": true, "privatekey": true,
}

// envKeyQualifiers make a trailing KEY a secret (API_KEY, SIGNING_KEY); a
// plain CACHE_KEY or PUBLIC_KEY is not one.
var envKeyQualifiers = map[string]bool{
	"api": true, "access": true, "secret": true, "private": true, "signing": true, "encryption": true,
	"master": true, "license": true, "client": true, "session": true, "auth": true, "hmac": true,
	"jwt": true, "crypt": true, "cipher": true, "webhook": true, "app": true,
}

// envNotSecretLast are last words that make a name point at a secret
// (its file, its name, its length) rather than hold one.
var envNotSecretLast = map[string]bool{
	"file": true, "path": true, "dir": true, "url": true, "uri": true, "endpoint": true, "id": true,
	"name": true, "user": true, "username": true, "length": true, "len": true, "min": true, "max": true,
	"policy": true, "enabled": true, "ttl": true, "expiry": true, "expires": true, "lifetime": true,
	"type": true, "arn": true, "ref": true, "header": true, "version": true, "location": true,
	"mount": true, "rotation": true,
}

// IsSecretEnvName reports whether an environment variable named name
// holds a secret by its name: DB_PASSWORD, API_KEY, GITHUB_TOKEN,
// STRIPE_SECRET, SECRET_KEY_BASE, SMTP_PASS, PGPASSWORD,
// AWS_SECRET_ACCESS_KEY. Names
// that point at a secret without holding it (DB_PASSWORD_FILE,
// TOKEN_URL, SECRET_NAME) and PWD, the working directory, are not.
func IsSecretEnvName(name string) bool {
	words := strings.FieldsFunc(snakeCase(name), func(r rune) bool { return r == '_' || r == '.' })
	if len(words) == 0 || envNotSecretLast[words[len(words)-1]] {
		return false
	}
	if IsSecretName(name) {
		return true
	}
	for _, w := range words {
		if envSecretWords[w] {
			return true
		}
		// Run-together names: PGPASSWORD, AUTHTOKEN.
		for _, suffix := range []string{"password", "passwd", "secret", "token"} {
			if strings.HasSuffix(w, suffix) {
				return true
			}
		}
	}
	last := words[len(words)-1]
	// Run-together PGPASS, DBPASS; not BYPASS or COMPASS.
	if strings.HasSuffix(last, "pass") && !slices.Contains([]string{"bypass", "compass", "overpass", "surpass", "trespass", "underpass"}, last) {
		return true
	}
	if len(words) < 2 {
		return false
	}
	before := words[len(words)-2]
	switch last {
	case "key":
		return envKeyQualifiers[before]
	case "pass", "pwd", "pw":
		return true
	case "sk":
		// A secret key by its usual abbreviation: STRIPE_SK.
		return true
	}
	return false
}

// HasURLCredentials reports whether s is a URL carrying a password in its
// user information (postgres://app:hunter2@db:5432/payments): the whole
// value is then a secret, whatever the key it stands under is called.
func HasURLCredentials(s string) bool {
	if !strings.Contains(s, "://") || !strings.Contains(s, "@") {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.User == nil || u.Host == "" {
		return false
	}
	pw, set := u.User.Password()
	return set && pw != ""
}

// Redactor replaces sensitive values by facts.Redacted. It knows the
// declared secret values of a source (sensitive variables) and scrubs them
// wherever they appear. It is safe for concurrent use; what it keeps
// between calls is a bounded memo of its judgements of short strings.
type Redactor struct {
	// secrets, longest first so that a secret containing another is
	// replaced whole.
	secrets []string
	// judged memoizes value for short strings: a plan's values repeat
	// (regions, types, tag values, every instance of a module), and
	// judging one runs the rule set over it. Holds valueKey to
	// valueResult; cached counts the entries, at most limit
	// (maxJudged).
	judged sync.Map
	cached atomic.Int64
	limit  int64
}

// Bounds of Redactor's memo: the longest string (key and value) it
// keeps, and how many it keeps.
const (
	maxJudgedLen = 256
	maxJudged    = 1 << 16
)

type valueKey struct {
	s, key string
	env    bool
}

type valueResult struct{ out, reason string }

// New returns a Redactor that also scrubs the given secret values.
func New(secrets []string) *Redactor {
	s := slices.Clone(secrets)
	s = slices.DeleteFunc(s, func(v string) bool { return v == "" })
	slices.SortFunc(s, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return &Redactor{secrets: slices.Compact(s), limit: maxJudged}
}

// Result is a redacted object value with the dotted paths that were left
// out as unknown or replaced as sensitive, both sorted.
type Result struct {
	Attributes map[string]any
	Unknown    []string
	Sensitive  []string
	// Detected maps the paths, among Sensitive, that held a literal secret
	// to the rule that found it (never the value).
	Detected map[string]string
}

// Object redacts an object value (a resource's attributes). unknownMask
// mirrors the value with true at leaves known only after apply (Terraform's
// after_unknown); each sensitive mask mirrors it with true at sensitive
// leaves (after_sensitive, before_sensitive). Unknown leaves are removed
// from maps and kept as null in lists, so list indexes stay stable.
func (r *Redactor) Object(value, unknownMask any, sensitiveMasks ...any) Result {
	return r.object(false, value, unknownMask, sensitiveMasks)
}

// ObjectOwned is Object for a caller that owns value and does not read it
// afterwards: the result shares with value every map and list in which
// nothing is redacted (often all of them) instead of copying it, and may
// be value itself. Modifying the result may then modify value.
func (r *Redactor) ObjectOwned(value, unknownMask any, sensitiveMasks ...any) Result {
	return r.object(true, value, unknownMask, sensitiveMasks)
}

func (r *Redactor) object(share bool, value, unknownMask any, sensitiveMasks []any) Result {
	w := walker{r: r, share: share}
	out, _, _ := w.walk(value, unknownMask, sensitiveMasks, "")
	m, ok := out.(map[string]any)
	if !ok {
		m = map[string]any{}
	}
	return Result{Attributes: m, Unknown: sortedSet(w.unknown), Sensitive: sortedSet(w.sensitive), Detected: w.detected}
}

// String scrubs one string found under the attribute named key, reporting
// whether anything was redacted. A URL with a password in it is a secret
// whatever its key is called.
func (r *Redactor) String(s, key string) (string, bool) {
	out, reason := r.value(s, key, false)
	return out, reason != ""
}

// Reasons a value was redacted, as Result.Detected and Value report them.
const (
	// ReasonDeclared: the value is, or holds, a secret its source declared
	// (a sensitive variable).
	ReasonDeclared = "declared"
	// ReasonName: the value stands under an attribute named like a secret
	// (password, client_secret); redacted, not reported as a literal.
	ReasonName = "name"
)

// Value scrubs one string found under the name key, as String does, and
// says why: "" when nothing was redacted, ReasonDeclared for a declared
// secret, else the rule that detected a literal secret (a rule id of the
// rule set, "secret-name" or "url-credentials").
func (r *Redactor) Value(s, key string) (string, string) {
	return r.value(s, key, false)
}

// value is Value; env says key names an environment variable.
func (r *Redactor) value(s, key string, env bool) (string, string) {
	if s == "" || s == facts.Redacted {
		return s, ""
	}
	if len(s)+len(key) > maxJudgedLen {
		return r.judge(s, key, env)
	}
	k := valueKey{s: s, key: key, env: env}
	if v, ok := r.judged.Load(k); ok {
		res := v.(valueResult)
		return res.out, res.reason
	}
	out, reason := r.judge(s, key, env)
	if r.cached.Add(1) <= r.limit {
		r.judged.Store(k, valueResult{out: out, reason: reason})
	}
	return out, reason
}

// judge is value without the memo.
func (r *Redactor) judge(s, key string, env bool) (string, string) {
	// A declared secret (a sensitive variable's value) is no literal, even
	// under a secret's name.
	out, reason := s, ""
	for _, secret := range r.secrets {
		switch {
		case out == secret:
			out, reason = facts.Redacted, ReasonDeclared
		case len(secret) >= MinContainedSecret && strings.Contains(out, secret):
			out, reason = strings.ReplaceAll(out, secret, facts.Redacted), ReasonDeclared
		}
	}
	if out == facts.Redacted {
		return out, reason
	}
	env = env || isEnvStyle(key)
	switch {
	case key == "":
	case env && NotALiteral(out):
		// $(DB_PASSWORD) or /run/secrets/db under a secret's name is the
		// recommended way to hand a secret over, not a literal one.
		return out, reason
	case env && (IsSecretName(key) || IsSecretEnvName(key)):
		return facts.Redacted, "secret-name"
	case IsSecretName(key):
		// An argument named like a secret (password, admin_password) is
		// one Terraform providers mark sensitive in their schemas, so a
		// plan shows it redacted whether it was a literal or a variable:
		// it is redacted here too, but not reported as a literal, so that
		// plan and source are judged alike.
		return facts.Redacted, ReasonName
	}
	// A document in a string (ECS container_definitions, a Docker config,
	// a policy) is judged by the names and values inside it.
	if scrubbed, rule, ok := r.jsonString(out); ok {
		if rule != "" {
			return scrubbed, rule
		}
		return out, reason
	}
	if key != "" {
		if rule, ok := detectNamed(key, out, env); ok {
			return facts.Redacted, rule
		}
	} else if HasURLCredentials(out) {
		return facts.Redacted, "url-credentials"
	}
	// Text (user_data, a script, a message) is scanned as a whole, the
	// literal secrets cut out of it.
	if key == "" || strings.Contains(out, "\n") || len(out) > MaxNamedValue {
		if scrubbed, rule := ScrubText(out); rule != "" {
			return scrubbed, rule
		}
	}
	return out, reason
}

// ScrubText replaces every literal secret the rule set finds in text by
// facts.Redacted, returning the text and the first rule that matched ("" if
// none). A secret shorter than MinContainedSecret makes the whole text
// Redacted, so that no short fragment is cut out of unrelated words.
func ScrubText(text string) (string, string) {
	fs := ScanText(text)
	if len(fs) == 0 {
		return text, ""
	}
	var b strings.Builder
	last := 0
	for _, f := range mergeFindings(fs) {
		if f.End-f.Start < MinContainedSecret {
			return facts.Redacted, f.Rule
		}
		b.WriteString(text[last:f.Start])
		b.WriteString(facts.Redacted)
		last = f.End
	}
	b.WriteString(text[last:])
	return b.String(), fs[0].Rule
}

// mergeFindings sorts findings by position and joins overlapping ones.
func mergeFindings(fs []Finding) []Finding {
	fs = slices.Clone(fs)
	slices.SortFunc(fs, func(a, b Finding) int { return a.Start - b.Start })
	out := fs[:0]
	for _, f := range fs {
		if n := len(out); n > 0 && f.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, f.End)
			continue
		}
		out = append(out, f)
	}
	return out
}

type walker struct {
	r *Redactor
	// share makes walk copy only the maps and lists in which something is
	// redacted, returning the others as they are (ObjectOwned).
	share     bool
	unknown   []string
	sensitive []string
	detected  map[string]string
	// at is the path of the value being walked, one element per level;
	// it is joined into a dotted path only for a value that is reported.
	at []pathElem
}

// pathElem is a map key, or a list index when index is not negative.
type pathElem struct {
	key   string
	index int
}

// path is the dotted path of the value being walked, as Join builds it.
func (w *walker) path() string {
	p := ""
	for _, e := range w.at {
		if e.index >= 0 {
			p = Join(p, strconv.Itoa(e.index))
		} else {
			p = Join(p, e.key)
		}
	}
	return p
}

// pathTo is the dotted path of key k of the map being walked.
func (w *walker) pathTo(k string) string {
	w.at = append(w.at, pathElem{key: k, index: -1})
	p := w.path()
	w.at = w.at[:len(w.at)-1]
	return p
}

func (w *walker) detect(path, rule string) {
	if w.detected == nil {
		w.detected = map[string]string{}
	}
	w.detected[path] = rule
}

// walk returns the redacted value, whether it is known (and so kept) and
// whether it differs from v (a value that does not may be v itself).
func (w *walker) walk(v, unk any, sens []any, key string) (any, bool, bool) {
	if unk == true {
		w.unknown = append(w.unknown, w.path())
		return nil, false, true
	}
	if slices.Contains(sens, any(true)) {
		if v == nil {
			return nil, true, false
		}
		w.sensitive = append(w.sensitive, w.path())
		return facts.Redacted, true, true
	}
	switch x := v.(type) {
	case map[string]any:
		um, _ := unk.(map[string]any)
		// Without sharing, out is built afresh from every known child;
		// with it, out stays nil until a child differs, and is then a
		// copy of x with the differing children replaced.
		var out map[string]any
		fresh := !w.share || x == nil
		if fresh {
			out = make(map[string]any, len(x))
		}
		// {"name": N, "value": V}, the shape of an environment variable
		// in Kubernetes, ECS and many more: V is judged under the name N.
		pairName, _ := x["name"].(string)
		for k, child := range x {
			childKey, env := k, false
			if k == "value" && pairName != "" {
				childKey, env = pairName, true
			}
			var (
				cv             any
				known, changed bool
			)
			childSens := childMasks(sens, k)
			if s, ok := child.(string); ok && env && um[k] != true && !slices.Contains(childSens, any(true)) {
				w.at = append(w.at, pathElem{key: k, index: -1})
				r := w.str(s, childKey, true)
				w.at = w.at[:len(w.at)-1]
				cv, known, changed = r, true, r != s
			} else {
				w.at = append(w.at, pathElem{key: k, index: -1})
				cv, known, changed = w.walk(child, um[k], childSens, childKey)
				w.at = w.at[:len(w.at)-1]
			}
			switch {
			case fresh:
				if known {
					out[k] = cv
				}
			case !known || changed:
				if out == nil {
					out = maps.Clone(x)
				}
				if known {
					out[k] = cv
				} else {
					delete(out, k)
				}
			}
		}
		for k, u := range um {
			if _, present := x[k]; !present && containsTrue(u) {
				w.unknown = append(w.unknown, w.pathTo(k))
			}
		}
		if out == nil {
			return x, true, false
		}
		return out, true, true
	case []any:
		ul, _ := unk.([]any)
		var out []any
		fresh := !w.share || x == nil
		if fresh {
			out = make([]any, len(x))
		}
		for i, child := range x {
			var u any
			if i < len(ul) {
				u = ul[i]
			}
			w.at = append(w.at, pathElem{index: i})
			cv, known, changed := w.walk(child, u, childMasksAt(sens, i), key)
			w.at = w.at[:len(w.at)-1]
			switch {
			case fresh:
				out[i] = cv
			case !known || changed:
				if out == nil {
					out = slices.Clone(x)
				}
				out[i] = cv
			}
		}
		if out == nil {
			return x, true, false
		}
		return out, true, true
	case string:
		r := w.str(x, key, false)
		return r, true, r != x
	default:
		return v, true, false
	}
}

// str redacts one string at the path being walked.
func (w *walker) str(x, key string, env bool) string {
	s, reason := w.r.value(x, key, env)
	if reason != "" {
		path := w.path()
		w.sensitive = append(w.sensitive, path)
		if reason != ReasonDeclared && reason != ReasonName {
			w.detect(path, reason)
		}
	}
	return s
}

// maxJSONString bounds the strings parsed as JSON documents.
const maxJSONString = 1 << 20

// jsonString judges a string that holds a JSON object or array (ECS
// container_definitions, a Docker config.json, a policy document) by the
// names and values inside it. It reports ok when s is such a document;
// rule is the first rule that found a literal secret, and then scrubbed is
// the document re-encoded with the secrets replaced.
func (r *Redactor) jsonString(s string) (scrubbed, rule string, ok bool) {
	t := strings.TrimSpace(s)
	if len(t) < 2 || len(t) > maxJSONString || (t[0] != '{' && t[0] != '[') || !json.Valid([]byte(t)) {
		return "", "", false
	}
	dec := json.NewDecoder(strings.NewReader(t))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", "", false
	}
	// The decoded document is the walker's own to share.
	w := walker{r: r, share: true}
	out, _, _ := w.walk(v, nil, nil, "")
	if len(w.detected) == 0 {
		// Nothing, or declared secrets only, already scrubbed as text.
		return s, "", true
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return facts.Redacted, "json", true
	}
	paths := make([]string, 0, len(w.detected))
	for p := range w.detected {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return strings.TrimSuffix(b.String(), "\n"), w.detected[paths[0]], true
}

// Join appends elem to a dotted attribute path.
func Join(path, elem string) string {
	if path == "" {
		return elem
	}
	return path + "." + elem
}

// childMasks are the masks of key of a map. A mask that is absent or
// false marks nothing at or below it, and is left out.
func childMasks(masks []any, key string) []any {
	var out []any
	for _, m := range masks {
		if mm, ok := m.(map[string]any); ok {
			if c := mm[key]; c != nil && c != false {
				out = append(out, c)
			}
		}
	}
	return out
}

// childMasksAt are the masks of element i of a list, as childMasks.
func childMasksAt(masks []any, i int) []any {
	var out []any
	for _, m := range masks {
		if ml, ok := m.([]any); ok && i < len(ml) {
			if c := ml[i]; c != nil && c != false {
				out = append(out, c)
			}
		}
	}
	return out
}

// containsTrue reports whether a mask marks anything at or below it.
func containsTrue(m any) bool {
	switch x := m.(type) {
	case bool:
		return x
	case map[string]any:
		for _, v := range x {
			if containsTrue(v) {
				return true
			}
		}
	case []any:
		for _, v := range x {
			if containsTrue(v) {
				return true
			}
		}
	}
	return false
}

// StringLeaves appends every non-empty string inside v, which may be any
// JSON-like value, to out: the secrets a sensitive variable's value holds.
func StringLeaves(v any, out []string) []string {
	switch x := v.(type) {
	case string:
		if x != "" {
			out = append(out, x)
		}
	case map[string]any:
		for _, c := range x {
			out = StringLeaves(c, out)
		}
	case []any:
		for _, c := range x {
			out = StringLeaves(c, out)
		}
	}
	return out
}

func sortedSet(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// reference matches a variable reference: $(VAR), which the kubelet
// expands from the container's environment (itself fed by secretKeyRef),
// and ${VAR}, which a shell does.
var reference = regexp.MustCompile(`\$\([A-Za-z_][A-Za-z0-9_.-]*\)|\$\{[A-Za-z_][A-Za-z0-9_]*\}`)

// filePath matches an absolute file path or a file: URL, no spaces.
var filePath = regexp.MustCompile(`^(file://)?(/[^/\s]+)+/?$`)

// NotALiteral reports whether the value given to a secret-named variable
// or flag is no secret itself: a $(VAR) or ${VAR} reference, which is the
// recommended way to hand a Secret to a command line, or a file path
// (--tls-private-key=/etc/tls/tls.key) to where a mounted Secret is read.
func NotALiteral(value string) bool {
	return reference.MatchString(value) || filePath.MatchString(value)
}

// OnlyReferences reports whether s is made of references and nothing else
// (the password $(DB_PASSWORD) of a URL).
func OnlyReferences(s string) bool {
	return reference.MatchString(s) && reference.ReplaceAllString(s, "") == ""
}
