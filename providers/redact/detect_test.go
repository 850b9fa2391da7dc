package redact

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/providers/facts"
)

func TestRuleSetCompiles(t *testing.T) {
	n, err := RuleCount()
	if err != nil {
		t.Fatal(err)
	}
	if n < 200 {
		t.Errorf("%d rules, want the gitleaks default set (over 200)", n)
	}
	// A rule's expressions are compiled when a text first holds one of its
	// keywords; a rule that did not compile would never match.
	rs := rules()
	for i := range rs.rules {
		if _, _, err := rs.rules[i].regexps(); err != nil {
			t.Error(err)
		}
	}
}

// Test values: shaped like real credentials, random, used nowhere.
const (
	stripeKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dcQ9"
	ghToken   = "ghp_R7d9xQ2mZk4Lw8Vb3Nc6Hj1Tp5Ys0UaF2gEo"
	awsKeyID  = "AKIAZ3MHALQ4DWJPVX7B"
	randomPw  = "Zq8#vN2!kR5mW9xT"
	jwtSecret = "9f8Kq2LmZx7Vb4Nc1Hj6Tp3Ys0Ua5Gd"
)

func TestDetectNamed(t *testing.T) {
	tests := []struct {
		name, value string
		want        bool
	}{
		{"JWT_SIGNING_KEY", jwtSecret, true},
		{"STRIPE_SK", stripeKey, true},
		{"STRIPE_SK", "x", true},
		{"PAYMENT_PROVIDER_KEY_VALUE", stripeKey, true}, // by the value's rule
		{"PGPASS", "hunter2", true},
		{"PGPASSWORD", "hunter2", true},
		{"GH_CLI", ghToken, true},     // by the value's rule alone
		{"SOMETHING", awsKeyID, true}, // by the value's rule alone
		{"APP_SETTING", jwtSecret, false},
		{"DATABASE_URL", "postgres://app:" + jwtSecret + "@db:5432/app", true},
		{"DATABASE_URL", "postgres://db:5432/app", false},
		{"LOG_LEVEL", "debug", false},
		{"BYPASS", "true", false},
		{"IMAGE", "ghcr.io/acme/app:1.2.3", false},
		{"CACHE_KEY", "v1", false},
		{"API_KEY_FILE", "/run/secrets/api_key", false},
		{"AWS_REGION", "eu-west-1", false},
		{"auth", base64.StdEncoding.EncodeToString([]byte("robot$ci:" + randomPw)), true},
	}
	for _, tt := range tests {
		rule, got := DetectNamed(tt.name, tt.value)
		if got != tt.want {
			t.Errorf("DetectNamed(%q, %q) = %v (%s), want %v", tt.name, tt.value, got, rule, tt.want)
		}
		if got && strings.Contains(rule, tt.value) {
			t.Errorf("rule %q repeats the value", rule)
		}
	}
}

func TestScrubText(t *testing.T) {
	script := "#!/bin/bash\nexport STRIPE_KEY=" + stripeKey + "\necho ready\ngit clone https://" + ghToken + "@github.com/acme/app\n"
	got, rule := ScrubText(script)
	if rule == "" {
		t.Fatal("no secret found")
	}
	for _, s := range []string{stripeKey, ghToken} {
		if strings.Contains(got, s) {
			t.Errorf("scrubbed text still holds %q:\n%s", s, got)
		}
	}
	if !strings.Contains(got, "echo ready") || !strings.Contains(got, facts.Redacted) {
		t.Errorf("scrubbed text lost its other lines or the marker:\n%s", got)
	}
}

func TestScanIsBoundedAndLinear(t *testing.T) {
	// Keywords everywhere and no secret: the worst case for the prefilter.
	unit := "api_key token secret password auth access key=value "
	small := strings.Repeat(unit, 1<<10)
	large := strings.Repeat(unit, 1<<14)
	time1 := timeIt(func() { ScanText(small) })
	time16 := timeIt(func() { ScanText(large) })
	if time16 > 40*time1+time.Second {
		t.Errorf("16x the text took %v against %v: not linear", time16, time1)
	}
	// A secret past the first window is still found.
	text := strings.Repeat("x", 3*ScanWindow) + "\nSTRIPE=" + stripeKey + "\n"
	if got, _ := ScrubText(text); strings.Contains(got, stripeKey) {
		t.Error("secret after the first window was not found")
	}
}

func timeIt(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}

func TestObjectDetects(t *testing.T) {
	containerDefs := `[{"name":"app","image":"acme/app:1","environment":[{"name":"JWT_SIGNING_KEY","value":"` + jwtSecret + `"},{"name":"LOG_LEVEL","value":"info"}]}]`
	docker := `{"auths":{"registry.acme.io":{"auth":"` + base64.StdEncoding.EncodeToString([]byte("robot$ci:"+randomPw)) + `"}}}`
	res := New(nil).Object(map[string]any{
		"container_definitions": containerDefs,
		"environment":           []any{map[string]any{"variables": map[string]any{"STRIPE_SK": stripeKey, "PGPASS": "hunter2", "REGION": "eu-west-1"}}},
		"user_data":             "#!/bin/sh\nexport GITHUB_TOKEN=" + ghToken + "\n",
		"docker_config":         docker,
		"env":                   []any{map[string]any{"name": "JWT_SIGNING_KEY", "value": jwtSecret}},
		"plain":                 "hello",
	}, nil)
	for _, p := range []string{"container_definitions", "environment.0.variables.STRIPE_SK", "environment.0.variables.PGPASS", "user_data", "docker_config", "env.0.value"} {
		if res.Detected[p] == "" {
			t.Errorf("%s not detected; detected = %v", p, res.Detected)
		}
	}
	if _, ok := res.Detected["environment.0.variables.REGION"]; ok {
		t.Error("REGION detected")
	}
	all := strings.Join([]string{res.Attributes["container_definitions"].(string), res.Attributes["user_data"].(string), res.Attributes["docker_config"].(string)}, " ")
	for _, s := range []string{jwtSecret, ghToken, stripeKey} {
		if strings.Contains(all, s) {
			t.Errorf("%q left in %s", s, all)
		}
	}
	if !strings.Contains(res.Attributes["container_definitions"].(string), `"LOG_LEVEL"`) {
		t.Errorf("container_definitions lost its other content: %s", res.Attributes["container_definitions"])
	}
}

// A sensitive variable's value is a reference to a secret, not a literal:
// redacted, never detected.
func TestDeclaredSecretsAreNotDetected(t *testing.T) {
	res := New([]string{jwtSecret}).Object(map[string]any{"password": jwtSecret, "note": "key " + jwtSecret}, nil)
	if res.Attributes["password"] != facts.Redacted || len(res.Sensitive) != 2 {
		t.Errorf("attributes = %v, sensitive = %v", res.Attributes, res.Sensitive)
	}
	if len(res.Detected) != 0 {
		t.Errorf("detected = %v, want none", res.Detected)
	}
}

// An argument named like a secret is redacted, not reported: a plan shows
// it sensitive by the provider's schema whether it was a literal or not.
func TestSecretNamedArgumentNotDetected(t *testing.T) {
	res := New(nil).Object(map[string]any{"administrator_login_password": "Omitted-Fixture-Pw-3", "env": []any{map[string]any{"name": "DB_PASSWORD", "value": "hunter2"}}}, nil)
	if res.Attributes["administrator_login_password"] != facts.Redacted {
		t.Errorf("attributes = %v", res.Attributes)
	}
	if _, ok := res.Detected["administrator_login_password"]; ok || res.Detected["env.0.value"] != "secret-name" {
		t.Errorf("detected = %v, want env.0.value only", res.Detected)
	}
}

// TestKeywordsInMatchesContains checks the one-pass keyword prefilter
// against a search for each keyword: they must find the same keywords, or
// a rule would be skipped on a text it should run on.
func TestKeywordsInMatchesContains(t *testing.T) {
	rs := rules()
	if len(rs.keywords) == 0 {
		t.Fatal("the rule set has no keywords")
	}
	texts := []string{
		"",
		"a",
		"prod",
		`password = "hunter2"`,
		`aws_secret_access_key = "AKIAIOSFODNN7EXAMPLE"`,
		"ghp_0123456789abcdefghijklmnopqrstuvwxyzAB",
		"xoxb-1234-5678-abcdef",
		"-----BEGIN RSA PRIVATE KEY-----",
		"https://user:pass@example.com/path",
		"sk_live_abcdef sq0atp- glpat- hf_ npm_",
		"ÄÖÜ straße pk_test_ ÉCOLE",
	}
	// Every keyword, alone and inside other text, is a text too.
	for _, k := range rs.keywords {
		texts = append(texts, k, "x"+k+"y", strings.ToUpper(k)+" tail")
	}
	for _, text := range texts {
		lower := strings.ToLower(text)
		found := rs.newKeywordSet(nil)
		found.add(0) // keywordsIn must clear what a previous text left
		rs.keywordsIn(lower, found)
		for id, k := range rs.keywords {
			if want := strings.Contains(lower, k); found.has(id) != want {
				t.Errorf("keywordsIn(%q)[%q] = %v, want %v", lower, k, found.has(id), want)
			}
		}
		// The rules a text runs are those with no keyword or with one
		// the text holds, in rule order.
		var want []int
		for i, r := range rs.rules {
			run := len(r.keywords) == 0
			for _, id := range r.keywords {
				run = run || strings.Contains(lower, rs.keywords[id])
			}
			if run {
				want = append(want, i)
			}
		}
		if got := rs.candidates(text); !slices.Equal(got, want) {
			t.Errorf("candidates(%q) = %v, want %v", text, got, want)
		}
	}
}
