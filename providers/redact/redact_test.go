package redact

import (
	"reflect"
	"strconv"
	"sync"
	"testing"

	"github.com/annexa-dev/annexa/providers/facts"
)

func TestIsSecretName(t *testing.T) {
	tests := map[string]bool{
		"password": true, "master_password": true, "auth_token": true, "client_secret": true, "ssh_private_key": true,
		"minimum_password_length": false, "password_reuse_prevention": false, "kms_key_id": false, "public_key": false,
		"secret_arn": false, "token_url": false, "Password": true,
	}
	for name, want := range tests {
		if got := IsSecretName(name); got != want {
			t.Errorf("IsSecretName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestShortSecretOnlyRedactedWhole(t *testing.T) {
	r := New([]string{"ab1"})
	got := r.Object(map[string]any{"a": "ab1", "b": "tab1e"}, nil).Attributes
	if got["a"] != facts.Redacted || got["b"] != "tab1e" {
		t.Errorf("got %v", got)
	}
}

func TestIsSecretNameCases(t *testing.T) {
	tests := map[string]bool{
		"clientSecret": true, "apiKey": true, "api-key": true, "DBPassword": true, "DB_PASSWORD": true,
		"secretName": false, "tokenSecretRef": false, "passwordMinLength": false, "publicKey": false,
	}
	for name, want := range tests {
		if got := IsSecretName(name); got != want {
			t.Errorf("IsSecretName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsSecretEnvName(t *testing.T) {
	tests := map[string]bool{
		"DB_PASSWORD": true, "API_KEY": true, "GITHUB_TOKEN": true, "STRIPE_SECRET": true,
		"SECRET_KEY_BASE": true, "SMTP_PASS": true, "DB_PWD": true, "AWS_SECRET_ACCESS_KEY": true,
		"JWT_SIGNING_KEY": true, "REDIS_PASSWORD": true, "OAUTH_CLIENT_SECRET": true, "PGPASSWORD": true,
		"password": true, "Token": true, "SENDGRID_APIKEY": true, "GOOGLE_CREDENTIALS": true,
		"DB_PASSWORD_FILE": false, "TOKEN_URL": false, "SECRET_NAME": false, "PWD": false,
		"AWS_ACCESS_KEY_ID": false, "PUBLIC_KEY": false, "CACHE_KEY": false, "LOG_LEVEL": false,
		"PASSWORD_MIN_LENGTH": false, "TOKEN_TTL": false, "PORT": false, "": false, "_": false,
	}
	for name, want := range tests {
		if got := IsSecretEnvName(name); got != want {
			t.Errorf("IsSecretEnvName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestHasURLCredentials(t *testing.T) {
	tests := map[string]bool{
		"postgres://app:hunter2@db:5432/payments":   true,
		"https://user:tok@github.com/acme/repo.git": true,
		"redis://:s3cret@cache:6379/0":              true,
		"postgres://app@db:5432/payments":           false,
		"https://example.com/a@b":                   false,
		"mailto:a@b.example":                        false,
		"not a url":                                 false,
		"http://user:@host/":                        false,
	}
	for s, want := range tests {
		if got := HasURLCredentials(s); got != want {
			t.Errorf("HasURLCredentials(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestURLCredentialsRedacted(t *testing.T) {
	res := New(nil).Object(map[string]any{
		"url":  "postgres://app:hunter2@db:5432/payments",
		"list": []any{"https://example.com/x", "redis://:pw-123@cache:6379"},
	}, nil)
	if res.Attributes["url"] != facts.Redacted || res.Attributes["list"].([]any)[0] != "https://example.com/x" || res.Attributes["list"].([]any)[1] != facts.Redacted {
		t.Errorf("attributes = %v", res.Attributes)
	}
	if len(res.Sensitive) != 2 || res.Sensitive[0] != "list.1" || res.Sensitive[1] != "url" {
		t.Errorf("sensitive = %v", res.Sensitive)
	}
}

func TestNotALiteral(t *testing.T) {
	for _, v := range []string{"$(DB_PASSWORD)", "${TOKEN}", "Bearer $(TOKEN)", "/etc/tls/key", "/run/secrets/db/", "file:///etc/pw"} {
		if !NotALiteral(v) {
			t.Errorf("NotALiteral(%q) = false, want true", v)
		}
	}
	for _, v := range []string{"hunter2", "$TOKEN-not-braced", "etc/tls/key", "/a b", "s3cr3t/with/slash", "$(", ""} {
		if NotALiteral(v) {
			t.Errorf("NotALiteral(%q) = true, want false", v)
		}
	}
}

// TestObjectOwnedMatchesObject checks that sharing the unredacted parts
// changes nothing in the result or the reported paths, and that Object
// leaves its input as it was.
func TestObjectOwnedMatchesObject(t *testing.T) {
	doc := func() map[string]any {
		return map[string]any{
			"name":     "web",
			"password": "hunter2hunter2",
			"tags":     map[string]any{"Env": "prod"},
			"env": []any{
				map[string]any{"name": "DB_PASSWORD", "value": "s3cr3t-value-xyz"},
				map[string]any{"name": "MODE", "value": "fast"},
			},
			"nested":   []any{[]any{"a", "b"}, map[string]any{"k": "v"}},
			"computed": "x",
			"masked":   map[string]any{"inner": "plain"},
		}
	}
	unknown := map[string]any{"computed": true, "later": true}
	sensitive := map[string]any{"masked": map[string]any{"inner": true}, "tags": false}
	tests := []struct {
		name      string
		unknown   any
		sensitive []any
	}{
		{"no masks", nil, nil},
		{"unknown", unknown, nil},
		{"unknown and sensitive", unknown, []any{sensitive, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New([]string{"declared-secret"})
			in := doc()
			want := r.Object(in, tt.unknown, tt.sensitive...)
			if !reflect.DeepEqual(in, doc()) {
				t.Fatalf("Object modified its input: %v", in)
			}
			got := r.ObjectOwned(doc(), tt.unknown, tt.sensitive...)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ObjectOwned = %#v\nObject      = %#v", got, want)
			}
		})
	}
}

// TestObjectOwnedShares checks that a value with nothing to redact is
// returned as it is, not copied.
func TestObjectOwnedShares(t *testing.T) {
	in := map[string]any{"tags": map[string]any{"Env": "prod"}, "list": []any{"a", map[string]any{"b": "c"}}}
	got := New(nil).ObjectOwned(in, nil).Attributes
	got["marker"] = true
	if in["marker"] != true {
		t.Errorf("ObjectOwned copied a value with nothing redacted")
	}
	in2 := map[string]any{"tags": map[string]any{"Env": "prod"}, "password": "hunter2hunter2"}
	tags := in2["tags"]
	got2 := New(nil).ObjectOwned(in2, nil).Attributes
	if got2["password"] != facts.Redacted {
		t.Fatalf("password not redacted: %v", got2)
	}
	if reflect.ValueOf(got2["tags"]).Pointer() != reflect.ValueOf(tags).Pointer() {
		t.Errorf("the unredacted tags were copied")
	}
}

// TestRedactorMemo checks that a Redactor's memo of judged strings gives
// the judgement a fresh Redactor gives, for strings judged again, from
// many goroutines, and beyond the memo's bound.
func TestRedactorMemo(t *testing.T) {
	values := []struct{ s, key string }{
		{"us-east-1", "region"},
		{"hunter2-Very-Secret", "password"},
		{"AKIAIOSFODNN7EXAMPLE", "access"},
		{"postgres://app:pw@db:5432/x", "url"},
		{"plain", ""},
		{"$(DB_PASSWORD)", "DB_PASSWORD"},
	}
	r := New([]string{"s3cr3t-value"})
	r.limit = 200
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 150 {
				v := values[i%len(values)]
				s := v.s
				if i%3 != 0 {
					s += "-" + strconv.Itoa(g) + "-" + strconv.Itoa(i) // fills the memo past its bound
				}
				gotOut, gotWhy := r.Value(s, v.key)
				wantOut, wantWhy := r.judge(s, v.key, false)
				if gotOut != wantOut || gotWhy != wantWhy {
					t.Errorf("Value(%q, %q) = %q, %q; unmemoized %q, %q", s, v.key, gotOut, gotWhy, wantOut, wantWhy)
					return
				}
			}
		})
	}
	wg.Wait()
	if n := r.cached.Load(); n < r.limit {
		t.Errorf("memo counted %d entries, want the bound %d reached", n, r.limit)
	}
}
