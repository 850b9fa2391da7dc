package aws

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
)

// iam reads the account password policy, the users with their MFA
// devices and access keys, and the customer-managed policies with their
// default version's document.
func (c *collector) iam(ctx context.Context, _ string) error {
	client := iam.NewFromConfig(c.cfg)
	var rs []resource

	c.call("iam:GetAccountPasswordPolicy")
	pp, err := client.GetAccountPasswordPolicy(ctx, &iam.GetAccountPasswordPolicyInput{})
	switch {
	case err == nil && pp.PasswordPolicy != nil:
		p := pp.PasswordPolicy
		// AWS leaves out what is not set; Terraform's state holds it as
		// zero (no expiry, no reuse prevention) and false.
		rs = append(rs, resource{typ: "aws_iam_account_password_policy", name: "global", key: "iam-account-password-policy", attrs: map[string]any{
			"id":                             "iam-account-password-policy",
			"minimum_password_length":        numPtr(p.MinimumPasswordLength),
			"require_lowercase_characters":   p.RequireLowercaseCharacters,
			"require_uppercase_characters":   p.RequireUppercaseCharacters,
			"require_numbers":                p.RequireNumbers,
			"require_symbols":                p.RequireSymbols,
			"allow_users_to_change_password": p.AllowUsersToChangePassword,
			"hard_expiry":                    aws.ToBool(p.HardExpiry),
			"max_password_age":               num(aws.ToInt32(p.MaxPasswordAge)),
			"password_reuse_prevention":      num(aws.ToInt32(p.PasswordReusePrevention)),
			"expire_passwords":               p.ExpirePasswords,
		}})
	case errorCode(err) == "NoSuchEntity":
	default:
		return err
	}

	users := iam.NewListUsersPaginator(client, &iam.ListUsersInput{})
	for users.HasMorePages() {
		c.call("iam:ListUsers")
		page, err := users.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, u := range page.Users {
			urs, err := c.user(ctx, client, u)
			if err != nil {
				return err
			}
			rs = append(rs, urs...)
		}
	}

	pols := iam.NewListPoliciesPaginator(client, &iam.ListPoliciesInput{Scope: types.PolicyScopeTypeLocal})
	for pols.HasMorePages() {
		c.call("iam:ListPolicies")
		page, err := pols.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, p := range page.Policies {
			c.call("iam:GetPolicyVersion")
			v, err := client.GetPolicyVersion(ctx, &iam.GetPolicyVersionInput{PolicyArn: p.Arn, VersionId: p.DefaultVersionId})
			if err != nil {
				return fmt.Errorf("policy %s: %w", aws.ToString(p.Arn), err)
			}
			attrs := map[string]any{
				"id": str(p.Arn), "arn": str(p.Arn), "name": str(p.PolicyName), "path": str(p.Path),
				"description": str(p.Description), "policy_id": str(p.PolicyId),
				"attachment_count": numPtr(p.AttachmentCount),
			}
			// Policy documents come URL-encoded.
			var unknown []string
			if v.PolicyVersion != nil && v.PolicyVersion.Document != nil {
				doc, err := url.QueryUnescape(*v.PolicyVersion.Document)
				if err != nil {
					return fmt.Errorf("policy %s: document: %w", aws.ToString(p.Arn), err)
				}
				attrs["policy"] = doc
			} else {
				unknown = append(unknown, "policy")
			}
			rs = append(rs, resource{typ: "aws_iam_policy", name: "global", key: aws.ToString(p.PolicyName), attrs: withTags(attrs, iamTags(p.Tags)), unknown: append(unknown, "tags", "tags_all")})
		}
	}
	c.add(rs...)
	return nil
}

// user models an IAM user, its MFA devices (aws_iam_virtual_mfa_device,
// whatever their kind) and its access keys (aws_iam_access_key, with
// status and create_date, from which a policy reads the key's age).
func (c *collector) user(ctx context.Context, client *iam.Client, u types.User) ([]resource, error) {
	name := aws.ToString(u.UserName)
	rs := []resource{{typ: "aws_iam_user", name: "global", key: name, attrs: map[string]any{
		"id": name, "name": name, "arn": str(u.Arn), "path": str(u.Path), "unique_id": str(u.UserId),
		"force_destroy": nil, "permissions_boundary": nil,
	}}}
	if u.PermissionsBoundary != nil {
		rs[0].attrs["permissions_boundary"] = str(u.PermissionsBoundary.PermissionsBoundaryArn)
	}
	tags := map[string]any{}
	tp := iam.NewListUserTagsPaginator(client, &iam.ListUserTagsInput{UserName: u.UserName})
	for tp.HasMorePages() {
		c.call("iam:ListUserTags")
		page, err := tp.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("user %s: %w", name, err)
		}
		for _, t := range page.Tags {
			tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
		}
	}
	withTags(rs[0].attrs, tags)

	mfa := iam.NewListMFADevicesPaginator(client, &iam.ListMFADevicesInput{UserName: u.UserName})
	for mfa.HasMorePages() {
		c.call("iam:ListMFADevices")
		page, err := mfa.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("user %s: %w", name, err)
		}
		for _, d := range page.MFADevices {
			serial := aws.ToString(d.SerialNumber)
			rs = append(rs, resource{typ: "aws_iam_virtual_mfa_device", name: "global", key: serial, attrs: map[string]any{
				"id": serial, "arn": serial, "user_name": name, "enable_date": timeString(d.EnableDate),
			}})
		}
	}

	keys := iam.NewListAccessKeysPaginator(client, &iam.ListAccessKeysInput{UserName: u.UserName})
	for keys.HasMorePages() {
		c.call("iam:ListAccessKeys")
		page, err := keys.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("user %s: %w", name, err)
		}
		for _, k := range page.AccessKeyMetadata {
			id := aws.ToString(k.AccessKeyId)
			rs = append(rs, resource{typ: "aws_iam_access_key", name: "global", key: id, attrs: map[string]any{
				"id": id, "user": name, "status": string(k.Status), "create_date": timeString(k.CreateDate),
			}, unknown: []string{"secret", "ses_smtp_password_v4", "encrypted_secret", "encrypted_ses_smtp_password_v4", "key_fingerprint"}})
		}
	}
	return rs, nil
}

func timeString(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

func iamTags(tags []types.Tag) map[string]any {
	return tagMap(len(tags), func(i int) (string, string) {
		return aws.ToString(tags[i].Key), aws.ToString(tags[i].Value)
	})
}
