package aws

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// The parts of IAM's answers annexa reads, by their wire names.
type (
	iamTag struct {
		Key   string `xml:"Key"`
		Value string `xml:"Value"`
	}
	iamUser struct {
		Name     string  `xml:"UserName"`
		ID       *string `xml:"UserId"`
		Path     *string `xml:"Path"`
		Arn      *string `xml:"Arn"`
		Boundary *string `xml:"PermissionsBoundary>PermissionsBoundaryArn"`
	}
	iamPolicy struct {
		Name           string  `xml:"PolicyName"`
		ID             *string `xml:"PolicyId"`
		Arn            string  `xml:"Arn"`
		Path           *string `xml:"Path"`
		Description    *string `xml:"Description"`
		DefaultVersion string  `xml:"DefaultVersionId"`
		Attachments    *int32  `xml:"AttachmentCount"`
	}
	// iamPage is the paging of an IAM list answer.
	iamPage struct {
		Truncated bool   `xml:"IsTruncated"`
		Marker    string `xml:"Marker"`
	}
)

// next is the marker of the next page, "" on the last.
func (p iamPage) next() string {
	if !p.Truncated {
		return ""
	}
	return p.Marker
}

// iam reads the account password policy, the users with their MFA
// devices and access keys, and the customer-managed policies with their
// default version's document.
func (c *collector) iam(ctx context.Context, _ string) error {
	client := newIAMClient(c.cfg, c.partition)
	var rs []resource

	c.call("iam:GetAccountPasswordPolicy")
	var pp struct {
		Policy *struct {
			MinimumLength   *int32 `xml:"MinimumPasswordLength"`
			Lowercase       bool   `xml:"RequireLowercaseCharacters"`
			Uppercase       bool   `xml:"RequireUppercaseCharacters"`
			Numbers         bool   `xml:"RequireNumbers"`
			Symbols         bool   `xml:"RequireSymbols"`
			UsersChange     bool   `xml:"AllowUsersToChangePassword"`
			HardExpiry      bool   `xml:"HardExpiry"`
			MaxAge          int32  `xml:"MaxPasswordAge"`
			ReusePrevention int32  `xml:"PasswordReusePrevention"`
			Expire          bool   `xml:"ExpirePasswords"`
		} `xml:"PasswordPolicy"`
	}
	err := client.call(ctx, "GetAccountPasswordPolicy", nil, &pp)
	switch {
	case err == nil && pp.Policy != nil:
		p := pp.Policy
		// AWS leaves out what is not set; Terraform's state holds it as
		// zero (no expiry, no reuse prevention) and false.
		rs = append(rs, resource{typ: "aws_iam_account_password_policy", name: "global", key: "iam-account-password-policy", attrs: map[string]any{
			"id":                             "iam-account-password-policy",
			"minimum_password_length":        numPtr(p.MinimumLength),
			"require_lowercase_characters":   p.Lowercase,
			"require_uppercase_characters":   p.Uppercase,
			"require_numbers":                p.Numbers,
			"require_symbols":                p.Symbols,
			"allow_users_to_change_password": p.UsersChange,
			"hard_expiry":                    p.HardExpiry,
			"max_password_age":               num(p.MaxAge),
			"password_reuse_prevention":      num(p.ReusePrevention),
			"expire_passwords":               p.Expire,
		}})
	case err == nil, errorCode(err) == "NoSuchEntity":
	default:
		return err
	}

	var users []iamUser
	err = markerPages(ctx, client, c, "ListUsers", nil, "MaxItems", 1000, func(page *struct {
		Users []iamUser `xml:"Users>member"`
		iamPage
	}) string {
		users = append(users, page.Users...)
		return page.next()
	})
	if err != nil {
		return err
	}
	for _, u := range users {
		urs, err := c.user(ctx, client, u)
		if err != nil {
			return err
		}
		rs = append(rs, urs...)
	}

	var policies []iamPolicy
	err = markerPages(ctx, client, c, "ListPolicies", url.Values{"Scope": {"Local"}}, "MaxItems", 1000, func(page *struct {
		Policies []iamPolicy `xml:"Policies>member"`
		iamPage
	}) string {
		policies = append(policies, page.Policies...)
		return page.next()
	})
	if err != nil {
		return err
	}
	for _, p := range policies {
		c.call("iam:GetPolicyVersion")
		var v struct {
			Document *string `xml:"PolicyVersion>Document"`
		}
		if err := client.call(ctx, "GetPolicyVersion", url.Values{"PolicyArn": {p.Arn}, "VersionId": {p.DefaultVersion}}, &v); err != nil {
			return fmt.Errorf("policy %s: %w", p.Arn, err)
		}
		attrs := map[string]any{
			"id": p.Arn, "arn": p.Arn, "name": p.Name, "path": str(p.Path),
			"description": str(p.Description), "policy_id": str(p.ID),
			"attachment_count": numPtr(p.Attachments),
		}
		// Policy documents come URL-encoded.
		var unknown []string
		if v.Document != nil {
			doc, err := url.QueryUnescape(*v.Document)
			if err != nil {
				return fmt.Errorf("policy %s: document: %w", p.Arn, err)
			}
			attrs["policy"] = doc
		} else {
			unknown = append(unknown, "policy")
		}
		// ListPolicies does not give a policy's tags.
		rs = append(rs, resource{typ: "aws_iam_policy", name: "global", key: p.Name, attrs: withTags(attrs, map[string]any{}), unknown: append(unknown, "tags", "tags_all")})
	}
	c.add(rs...)
	return nil
}

// user models an IAM user, its MFA devices (aws_iam_virtual_mfa_device,
// whatever their kind: the Terraform provider has no type for hardware
// or FIDO devices), its console password (aws_iam_user_login_profile,
// when it has one) and its access keys (aws_iam_access_key, with status
// and create_date, from which a policy reads the key's age).
func (c *collector) user(ctx context.Context, client *queryClient, u iamUser) ([]resource, error) {
	name := u.Name
	rs := []resource{{typ: "aws_iam_user", name: "global", key: name, attrs: map[string]any{
		"id": name, "name": name, "arn": str(u.Arn), "path": str(u.Path), "unique_id": str(u.ID),
		"force_destroy": nil, "permissions_boundary": str(u.Boundary),
	}}}
	byUser := url.Values{"UserName": {name}}
	tags := map[string]any{}
	err := markerPages(ctx, client, c, "ListUserTags", byUser, "MaxItems", 1000, func(page *struct {
		Tags []iamTag `xml:"Tags>member"`
		iamPage
	}) string {
		for _, t := range page.Tags {
			tags[t.Key] = t.Value
		}
		return page.next()
	})
	if err != nil {
		return nil, fmt.Errorf("user %s: %w", name, err)
	}
	withTags(rs[0].attrs, tags)

	err = markerPages(ctx, client, c, "ListMFADevices", byUser, "MaxItems", 1000, func(page *struct {
		Devices []struct {
			Serial  string     `xml:"SerialNumber"`
			Enabled *time.Time `xml:"EnableDate"`
		} `xml:"MFADevices>member"`
		iamPage
	}) string {
		for _, d := range page.Devices {
			rs = append(rs, resource{typ: "aws_iam_virtual_mfa_device", name: "global", key: d.Serial, attrs: map[string]any{
				"id": d.Serial, "arn": d.Serial, "user_name": name, "enable_date": timeString(d.Enabled),
			}})
		}
		return page.next()
	})
	if err != nil {
		return nil, fmt.Errorf("user %s: %w", name, err)
	}

	c.call("iam:GetLoginProfile")
	var lp struct {
		Created *time.Time `xml:"LoginProfile>CreateDate"`
		Reset   bool       `xml:"LoginProfile>PasswordResetRequired"`
	}
	err = client.call(ctx, "GetLoginProfile", byUser, &lp)
	switch {
	case err == nil:
		rs = append(rs, resource{typ: "aws_iam_user_login_profile", name: "global", key: name, attrs: map[string]any{
			"id": name, "user": name, "create_date": timeString(lp.Created), "password_reset_required": lp.Reset,
		}, unknown: []string{"pgp_key", "password_length", "key_fingerprint", "encrypted_password", "password"}})
	case errorCode(err) == "NoSuchEntity":
		// No console password.
	default:
		return nil, fmt.Errorf("user %s: login profile: %w", name, err)
	}

	err = markerPages(ctx, client, c, "ListAccessKeys", byUser, "MaxItems", 1000, func(page *struct {
		Keys []struct {
			ID      string     `xml:"AccessKeyId"`
			Status  string     `xml:"Status"`
			Created *time.Time `xml:"CreateDate"`
		} `xml:"AccessKeyMetadata>member"`
		iamPage
	}) string {
		for _, k := range page.Keys {
			rs = append(rs, resource{typ: "aws_iam_access_key", name: "global", key: k.ID, attrs: map[string]any{
				"id": k.ID, "user": name, "status": k.Status, "create_date": timeString(k.Created),
			}, unknown: []string{"secret", "ses_smtp_password_v4", "encrypted_secret", "encrypted_ses_smtp_password_v4", "key_fingerprint"}})
		}
		return page.next()
	})
	if err != nil {
		return nil, fmt.Errorf("user %s: %w", name, err)
	}
	return rs, nil
}

func timeString(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}
