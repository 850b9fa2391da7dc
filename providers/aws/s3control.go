package aws

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// s3Account reads the account-level S3 public access block
// (s3control GetPublicAccessBlock) into aws_s3_account_public_access_block,
// as Terraform models it; an account without one gives no fact. The call
// is made over S3 Control's REST-XML protocol, signed with the SDK's
// signer: the SDK's S3 Control client would bring its whole API into the
// binary for one call.
func (c *collector) s3Account(ctx context.Context, _ string) error {
	region := c.cfg.Region
	c.call("s3:GetAccountPublicAccessBlock")
	var out struct {
		BlockPublicAcls       bool `xml:"BlockPublicAcls"`
		IgnorePublicAcls      bool `xml:"IgnorePublicAcls"`
		BlockPublicPolicy     bool `xml:"BlockPublicPolicy"`
		RestrictPublicBuckets bool `xml:"RestrictPublicBuckets"`
	}
	signer := v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true })
	err := withRetries(ctx, c.cfg, func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, s3ControlEndpoint(c.cfg.BaseEndpoint, c.account, region)+"/v20180820/configuration/publicAccessBlock", nil)
		if err != nil {
			return err
		}
		req.Header.Set("X-Amz-Account-Id", c.account)
		data, err := send(ctx, c.cfg, signer, req, nil, "s3", region, "S3 Control")
		if err != nil {
			return err
		}
		if err := xml.NewDecoder(bytes.NewReader(data)).Decode(&out); err != nil {
			return fmt.Errorf("S3 Control answer: %w", err)
		}
		return nil
	})
	switch {
	case errorCode(err) == "NoSuchPublicAccessBlockConfiguration":
		return nil
	case err != nil:
		return err
	}
	c.add(resource{typ: "aws_s3_account_public_access_block", name: "global", key: c.account, attrs: map[string]any{
		"id": c.account, "account_id": c.account,
		"block_public_acls": out.BlockPublicAcls, "block_public_policy": out.BlockPublicPolicy,
		"ignore_public_acls": out.IgnorePublicAcls, "restrict_public_buckets": out.RestrictPublicBuckets,
	}})
	return nil
}

// s3ControlEndpoint is the S3 Control endpoint of the account in region:
// the configuration's own (AWS_ENDPOINT_URL) when it names one.
func s3ControlEndpoint(base *string, account, region string) string {
	if base != nil && *base != "" {
		return strings.TrimSuffix(*base, "/")
	}
	suffix := "amazonaws.com"
	if strings.HasPrefix(region, "cn-") {
		suffix = "amazonaws.com.cn"
	}
	return "https://" + account + ".s3-control." + region + "." + suffix
}
