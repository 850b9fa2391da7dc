package aws

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
)

// ec2Client calls the few read-only EC2 actions annexa needs over the EC2
// query protocol, signed with the SDK's SigV4 signer and the credentials
// of the configuration. The SDK's EC2 client would do the same, but it
// brings the whole EC2 API (hundreds of operations) into the binary: tens
// of megabytes for six calls.
type ec2Client struct {
	cfg    aws.Config
	region string
	signer *v4.Signer
}

func newEC2Client(cfg aws.Config, region string) *ec2Client {
	return &ec2Client{cfg: cfg, region: region, signer: v4.NewSigner()}
}

// ec2Version is the EC2 API version of the query protocol.
const ec2Version = "2016-11-15"

// maxEC2ResponseBytes bounds one EC2 answer.
const maxEC2ResponseBytes = 64 << 20

// endpoint is the EC2 endpoint of the region: the configuration's own
// (AWS_ENDPOINT_URL) when it names one.
func (c *ec2Client) endpoint() string {
	if c.cfg.BaseEndpoint != nil && *c.cfg.BaseEndpoint != "" {
		return strings.TrimSuffix(*c.cfg.BaseEndpoint, "/") + "/"
	}
	suffix := "amazonaws.com"
	if strings.HasPrefix(c.region, "cn-") {
		suffix = "amazonaws.com.cn"
	}
	return "https://ec2." + c.region + "." + suffix + "/"
}

// call makes one EC2 action and decodes its answer into out, retrying
// throttling and server errors as the configuration's retryer says.
func (c *ec2Client) call(ctx context.Context, action string, params url.Values, out any) error {
	form := url.Values{"Action": {action}, "Version": {ec2Version}}
	for k, v := range params {
		form[k] = v
	}
	body := form.Encode()
	retryer := c.cfg.Retryer
	attempts := 1
	var r aws.Retryer
	if retryer != nil {
		r = retryer()
		attempts = r.MaxAttempts()
	}
	for attempt := 1; ; attempt++ {
		err := c.once(ctx, body, out)
		if err == nil || r == nil || attempt >= attempts || !r.IsErrorRetryable(err) {
			return err
		}
		delay, derr := r.RetryDelay(attempt, err)
		if derr != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
	}
}

func (c *ec2Client) once(ctx context.Context, body string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint(), strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	creds, err := c.cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return fmt.Errorf("credentials: %w", err)
	}
	sum := sha256.Sum256([]byte(body))
	if err := c.signer.SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "ec2", c.region, time.Now()); err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	client := c.cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return &retryableError{err}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxEC2ResponseBytes+1))
	if err != nil {
		return &retryableError{err}
	}
	if len(data) > maxEC2ResponseBytes {
		return fmt.Errorf("EC2 answer larger than %d MiB", maxEC2ResponseBytes>>20)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Errors []struct {
				Code    string `xml:"Code"`
				Message string `xml:"Message"`
			} `xml:"Errors>Error"`
		}
		if xml.Unmarshal(data, &e) == nil && len(e.Errors) > 0 {
			apiErr := &smithy.GenericAPIError{Code: e.Errors[0].Code, Message: e.Errors[0].Message}
			if resp.StatusCode >= 500 {
				return &retryableError{apiErr}
			}
			return apiErr
		}
		err := fmt.Errorf("EC2 answered HTTP %d", resp.StatusCode)
		if resp.StatusCode >= 500 {
			return &retryableError{err}
		}
		return err
	}
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(out); err != nil {
		return fmt.Errorf("EC2 answer: %w", err)
	}
	return nil
}

// retryableError is a failure worth another try: a transport error or a
// server error.
type retryableError struct{ err error }

func (e *retryableError) Error() string { return e.err.Error() }
func (e *retryableError) Unwrap() error { return e.err }

// RetryableError implements the retryer's retryable-error interface.
func (e *retryableError) RetryableError() bool { return true }

// ec2Pages calls a paged EC2 action until its last page: each page is
// decoded into a new T and given to each, which returns the page's next
// token ("" on the last page).
func ec2Pages[T any](ctx context.Context, c *ec2Client, col *collector, action string, maxResults int, each func(*T) string) error {
	token := ""
	for {
		params := url.Values{"MaxResults": {strconv.Itoa(maxResults)}}
		if token != "" {
			params.Set("NextToken", token)
		}
		col.call("ec2:" + action)
		var page T
		if err := c.call(ctx, action, params, &page); err != nil {
			return err
		}
		if token = each(&page); token == "" {
			return nil
		}
	}
}

// The parts of EC2's answers annexa reads, by their wire names.
type (
	ec2Tag struct {
		Key   string `xml:"key"`
		Value string `xml:"value"`
	}
	ec2Permission struct {
		Protocol string `xml:"ipProtocol"`
		From     *int32 `xml:"fromPort"`
		To       *int32 `xml:"toPort"`
		Groups   []struct {
			GroupID     string `xml:"groupId"`
			Description string `xml:"description"`
		} `xml:"groups>item"`
		IPv4 []struct {
			CIDR        string `xml:"cidrIp"`
			Description string `xml:"description"`
		} `xml:"ipRanges>item"`
		IPv6 []struct {
			CIDR        string `xml:"cidrIpv6"`
			Description string `xml:"description"`
		} `xml:"ipv6Ranges>item"`
		PrefixLists []struct {
			ID          string `xml:"prefixListId"`
			Description string `xml:"description"`
		} `xml:"prefixListIds>item"`
	}
	ec2SecurityGroup struct {
		ID          string          `xml:"groupId"`
		Name        string          `xml:"groupName"`
		Description string          `xml:"groupDescription"`
		VpcID       string          `xml:"vpcId"`
		OwnerID     string          `xml:"ownerId"`
		Ingress     []ec2Permission `xml:"ipPermissions>item"`
		Egress      []ec2Permission `xml:"ipPermissionsEgress>item"`
		Tags        []ec2Tag        `xml:"tagSet>item"`
	}
	ec2SecurityGroups struct {
		Items []ec2SecurityGroup `xml:"securityGroupInfo>item"`
		Next  string             `xml:"nextToken"`
	}
	ec2Vpc struct {
		ID        string   `xml:"vpcId"`
		CIDR      string   `xml:"cidrBlock"`
		Tenancy   string   `xml:"instanceTenancy"`
		IsDefault bool     `xml:"isDefault"`
		OwnerID   string   `xml:"ownerId"`
		DHCP      string   `xml:"dhcpOptionsId"`
		Tags      []ec2Tag `xml:"tagSet>item"`
	}
	ec2Vpcs struct {
		Items []ec2Vpc `xml:"vpcSet>item"`
		Next  string   `xml:"nextToken"`
	}
	ec2FlowLog struct {
		ID              string   `xml:"flowLogId"`
		ResourceID      string   `xml:"resourceId"`
		TrafficType     string   `xml:"trafficType"`
		DestinationType string   `xml:"logDestinationType"`
		Destination     *string  `xml:"logDestination"`
		LogGroupName    *string  `xml:"logGroupName"`
		RoleArn         *string  `xml:"deliverLogsPermissionArn"`
		Format          *string  `xml:"logFormat"`
		MaxAggregation  *int32   `xml:"maxAggregationInterval"`
		Tags            []ec2Tag `xml:"tagSet>item"`
	}
	ec2FlowLogs struct {
		Items []ec2FlowLog `xml:"flowLogSet>item"`
		Next  string       `xml:"nextToken"`
	}
	ec2Volume struct {
		ID          string   `xml:"volumeId"`
		Zone        *string  `xml:"availabilityZone"`
		Encrypted   *bool    `xml:"encrypted"`
		KmsKeyID    *string  `xml:"kmsKeyId"`
		Size        *int32   `xml:"size"`
		Type        string   `xml:"volumeType"`
		SnapshotID  string   `xml:"snapshotId"`
		Iops        *int32   `xml:"iops"`
		Throughput  *int32   `xml:"throughput"`
		MultiAttach *bool    `xml:"multiAttachEnabled"`
		OutpostArn  *string  `xml:"outpostArn"`
		Tags        []ec2Tag `xml:"tagSet>item"`
	}
	ec2Volumes struct {
		Items []ec2Volume `xml:"volumeSet>item"`
		Next  string      `xml:"nextToken"`
	}
	ec2Regions struct {
		Items []struct {
			Name string `xml:"regionName"`
		} `xml:"regionInfo>item"`
	}
	ec2EBSDefault struct {
		Enabled *bool `xml:"ebsEncryptionByDefault"`
	}
)

// errNoRegions is returned when DescribeRegions lists none.
var errNoRegions = errors.New("the account has no enabled region")
