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
