package config

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/internal/testfs"
)

func TestSSHD(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"sshd_config": "# server\r\n" +
		"Include /etc/ssh/sshd_config.d/*.conf\r\n" +
		"Port 22\r\n" +
		"port=2222\r\n" +
		"PermitRootLogin no\r\n" +
		"permitrootlogin yes\r\n" +
		"  PasswordAuthentication   yes   # trailing comment\r\n" +
		"Ciphers aes256-gcm@openssh.com,aes128-cbc\r\n" +
		"Banner \"/etc/issue net\"\r\n" +
		"AllowUsers alice bob\r\n" +
		"AllowUsers carol\r\n" +
		"\r\n" +
		"Match User backup Address 10.0.0.0/8\r\n" +
		"  PasswordAuthentication no\r\n" +
		"  ForceCommand /usr/bin/rrsync /srv\r\n" +
		"Match all\r\n" +
		"  Include extra.conf\r\n" +
		"  X11Forwarding no\r\n",
	})
	got := collect(t, Provider{}, dir)
	f, ok := got["sshd_config:"+filepath.ToSlash(filepath.Join(dir, "sshd_config"))]
	if !ok {
		t.Fatalf("facts = %v", keys(got))
	}
	if f.Type != TypeSSHD || f.Source.Line != 0 {
		t.Errorf("fact = %+v", f)
	}
	settings := f.Attributes["settings"].(map[string]any)
	want := map[string]any{
		"permitrootlogin":        "no",
		"passwordauthentication": "yes",
		"ciphers":                "aes256-gcm@openssh.com,aes128-cbc",
		"banner":                 "/etc/issue net",
	}
	for k, v := range want {
		if settings[k] != v {
			t.Errorf("settings[%s] = %#v, want %#v", k, settings[k], v)
		}
	}
	if !slices.Equal(settings["port"].([]any), []any{"22", "2222"}) || !slices.Equal(settings["allowusers"].([]any), []any{"alice bob", "carol"}) {
		t.Errorf("multi-valued settings: port %v allowusers %v", settings["port"], settings["allowusers"])
	}
	lines := f.Attributes["lines"].(map[string]any)
	if lines["permitrootlogin"] != int64(5) || lines["port"] != int64(3) {
		t.Errorf("lines = %v", lines)
	}
	if !slices.Equal(f.Attributes["includes"].([]any), []any{"/etc/ssh/sshd_config.d/*.conf", "extra.conf"}) {
		t.Errorf("includes = %v", f.Attributes["includes"])
	}
	match := f.Attributes["match"].([]any)
	if len(match) != 2 {
		t.Fatalf("match = %v", match)
	}
	m0 := match[0].(map[string]any)
	if m0["criteria"] != "User backup Address 10.0.0.0/8" || m0["line"] != int64(13) ||
		m0["settings"].(map[string]any)["passwordauthentication"] != "no" || m0["settings"].(map[string]any)["forcecommand"] != "/usr/bin/rrsync /srv" {
		t.Errorf("match[0] = %v", m0)
	}
	if _, inGlobal := settings["x11forwarding"]; inGlobal {
		t.Error("a Match block's setting leaked into the global settings")
	}
}

func TestSplitKeyword(t *testing.T) {
	tests := []struct{ in, kw, rest string }{
		{"Port 22", "Port", "22"},
		{"Port=22", "Port", "22"},
		{"Port = 22", "Port", "22"},
		{"Port\t22", "Port", "22"},
		{"Port", "Port", ""},
	}
	for _, tt := range tests {
		if kw, rest := splitKeyword(tt.in); kw != tt.kw || rest != tt.rest {
			t.Errorf("splitKeyword(%q) = %q, %q", tt.in, kw, rest)
		}
	}
}
