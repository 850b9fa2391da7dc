package config

import (
	"path/filepath"
	"testing"

	"github.com/annexa-dev/annexa/internal/testfs"
)

const repoResponse = `{"id": 1, "name": "payments-api", "full_name": "acme-payments/payments-api", "private": true, "visibility": "private", "default_branch": "main", "owner": {"login": "acme-payments"}}`

const protectionResponse = `{"url": "https://api.github.com/repos/acme-payments/payments-api/branches/main/protection",
 "required_status_checks": {"strict": true, "contexts": ["ci"], "checks": [{"context": "ci", "app_id": 15368}]},
 "required_pull_request_reviews": {"dismiss_stale_reviews": true, "required_approving_review_count": 2},
 "enforce_admins": {"enabled": true}, "allow_force_pushes": {"enabled": false}, "allow_deletions": {"enabled": false},
 "required_signatures": {"enabled": true}}`

func TestGitHubForms(t *testing.T) {
	tests := []struct {
		name, content string
		check         func(t *testing.T, attrs map[string]any)
	}{
		{"combined", `{"repository": ` + repoResponse + `, "branch_protection": ` + protectionResponse + `, "outside_collaborators": [{"login": "contractor", "permissions": {"admin": true}}]}`,
			func(t *testing.T, a map[string]any) {
				bp := a["branch_protection"].(map[string]any)
				if bp["required_pull_request_reviews"].(map[string]any)["required_approving_review_count"] != int64(2) || a["branch"] != "main" {
					t.Errorf("attrs = %v", a)
				}
				if len(a["outside_collaborators"].([]any)) != 1 {
					t.Errorf("collaborators = %v", a["outside_collaborators"])
				}
			}},
		{"combined unprotected", `{"repository": ` + repoResponse + `, "branch": "release", "branch_protection": {"message": "Branch not protected", "documentation_url": "https://docs.github.com", "status": "404"}}`,
			func(t *testing.T, a map[string]any) {
				if bp, has := a["branch_protection"]; !has || bp != nil || a["branch"] != "release" {
					t.Errorf("attrs = %v", a)
				}
			}},
		{"raw repository", repoResponse,
			func(t *testing.T, a map[string]any) {
				if _, has := a["branch_protection"]; has {
					t.Errorf("a repository alone claims to know its branch protection: %v", a)
				}
			}},
		{"raw pair", `[` + repoResponse + `, ` + protectionResponse + `]`,
			func(t *testing.T, a map[string]any) {
				if a["branch_protection"].(map[string]any)["enforce_admins"].(map[string]any)["enabled"] != true {
					t.Errorf("attrs = %v", a)
				}
			}},
		{"raw pair unprotected", `[` + repoResponse + `, {"message": "Branch not protected"}]`,
			func(t *testing.T, a map[string]any) {
				if bp, has := a["branch_protection"]; !has || bp != nil {
					t.Errorf("attrs = %v", a)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testfs.Write(t, dir, map[string]string{"export.json": tt.content})
			got := collect(t, Provider{}, filepath.Join(dir, "export.json"))
			f, ok := got["github_repository:acme-payments/payments-api"]
			if !ok {
				t.Fatalf("facts = %v", keys(got))
			}
			if f.Type != TypeGitHub || f.Source.Line != 1 {
				t.Errorf("fact = %+v", f)
			}
			tt.check(t, f.Attributes)
		})
	}
}
