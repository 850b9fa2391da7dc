package redact

import (
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
