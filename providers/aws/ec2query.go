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

// queryClient calls the few read-only actions annexa needs of a service
// that speaks the EC2 or the AWS query protocol (EC2; IAM, RDS), signed
// with the SDK's SigV4 signer and the credentials of the configuration.
// The SDK's clients would do the same, but each brings its whole API
// (hundreds of operations) into the binary: megabytes for a few calls.
type queryClient struct {
	cfg     aws.Config
	service string // the signing name and endpoint prefix: "ec2"
	region  string // the signing region
	version string // the API version
	host    string // the endpoint's host when it is not SERVICE.REGION.amazonaws.com
	what    string // the service in messages: "EC2"
	signer  *v4.Signer
}

func newEC2Client(cfg aws.Config, region string) *queryClient {
	return &queryClient{cfg: cfg, service: "ec2", region: region, version: ec2Version, what: "EC2", signer: v4.NewSigner()}
}

// newRDSClient is a client of RDS in region.
func newRDSClient(cfg aws.Config, region string) *queryClient {
	return &queryClient{cfg: cfg, service: "rds", region: region, version: "2014-10-31", what: "RDS", signer: v4.NewSigner()}
}

// newIAMClient is a client of IAM, a global service with one endpoint
// per partition.
func newIAMClient(cfg aws.Config, partition string) *queryClient {
	c := &queryClient{cfg: cfg, service: "iam", region: "us-east-1", version: "2010-05-08", what: "IAM", host: "iam.amazonaws.com", signer: v4.NewSigner()}
	switch partition {
	case "aws-cn":
		c.region, c.host = "cn-north-1", "iam.cn-north-1.amazonaws.com.cn"
	case "aws-us-gov":
		c.region, c.host = "us-gov-west-1", "iam.us-gov.amazonaws.com"
	}
	return c
}

// ec2Version is the EC2 API version of the query protocol.
const ec2Version = "2016-11-15"

// maxEC2ResponseBytes bounds one answer.
const maxEC2ResponseBytes = 64 << 20

// endpoint is the service's endpoint in the region: the configuration's
// own (AWS_ENDPOINT_URL) when it names one.
func (c *queryClient) endpoint() string {
	if c.cfg.BaseEndpoint != nil && *c.cfg.BaseEndpoint != "" {
		return strings.TrimSuffix(*c.cfg.BaseEndpoint, "/") + "/"
	}
	if c.host != "" {
		return "https://" + c.host + "/"
	}
	suffix := "amazonaws.com"
	if strings.HasPrefix(c.region, "cn-") {
		suffix = "amazonaws.com.cn"
	}
	return "https://" + c.service + "." + c.region + "." + suffix + "/"
}

// call makes one action and decodes its answer into out (for the AWS
// query protocol, the answer's ACTIONResult element), retrying throttling
// and server errors as the configuration's retryer says.
func (c *queryClient) call(ctx context.Context, action string, params url.Values, out any) error {
	form := url.Values{"Action": {action}, "Version": {c.version}}
	for k, v := range params {
		form[k] = v
	}
	body := form.Encode()
	return withRetries(ctx, c.cfg, func() error { return c.once(ctx, action, body, out) })
}

// withRetries calls once until it succeeds, retrying throttling and
// server errors as the configuration's retryer says.
func withRetries(ctx context.Context, cfg aws.Config, once func() error) error {
	attempts := 1
	var r aws.Retryer
	if cfg.Retryer != nil {
		r = cfg.Retryer()
		attempts = r.MaxAttempts()
	}
	for attempt := 1; ; attempt++ {
		err := once()
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

func (c *queryClient) once(ctx context.Context, action, body string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint(), strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	data, err := send(ctx, c.cfg, c.signer, req, []byte(body), c.service, c.region, c.what)
	if err != nil {
		return err
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	if c.service == "ec2" {
		if err := dec.Decode(out); err != nil {
			return fmt.Errorf("%s answer: %w", c.what, err)
		}
		return nil
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil // an answer without a result: nothing to read
		}
		if err != nil {
			return fmt.Errorf("%s answer: %w", c.what, err)
		}
		if start, ok := tok.(xml.StartElement); ok && start.Name.Local == action+"Result" {
			if err := dec.DecodeElement(out, &start); err != nil {
				return fmt.Errorf("%s answer: %w", c.what, err)
			}
			return nil
		}
	}
}

// send signs req (its body is body) for service in region with the
// configuration's credentials, sends it and reads its answer: an answer
// that is not 200 OK is an API error with the code and message of its XML
// error document (retryable when the server failed), what is "EC2" or the
// like in messages.
func send(ctx context.Context, cfg aws.Config, signer *v4.Signer, req *http.Request, body []byte, service, region, what string) ([]byte, error) {
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, fmt.Errorf("credentials: %w", err)
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	if service == "s3" {
		req.Header.Set("X-Amz-Content-Sha256", hash)
	}
	if err := signer.SignHTTP(ctx, creds, req, hash, service, region, time.Now()); err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	client := cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, &retryableError{err}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxEC2ResponseBytes+1))
	if err != nil {
		return nil, &retryableError{err}
	}
	if len(data) > maxEC2ResponseBytes {
		return nil, fmt.Errorf("%s answer larger than %d MiB", what, maxEC2ResponseBytes>>20)
	}
	if resp.StatusCode == http.StatusOK {
		return data, nil
	}
	var apiErr error
	if code, msg := xmlError(data); code != "" {
		apiErr = &smithy.GenericAPIError{Code: code, Message: msg}
	} else {
		apiErr = fmt.Errorf("%s answered HTTP %d", what, resp.StatusCode)
	}
	if resp.StatusCode >= 500 {
		return nil, &retryableError{apiErr}
	}
	return nil, apiErr
}

// xmlError reads the code and message of an XML error document, whether
// the EC2 protocol's (Response/Errors/Error), the query protocol's
// (ErrorResponse/Error) or S3's (Error): the first Code and Message
// elements.
func xmlError(data []byte) (code, msg string) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for code == "" || msg == "" {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		start, ok := tok.(xml.StartElement)
		if !ok || (start.Name.Local != "Code" && start.Name.Local != "Message") {
			continue
		}
		var text string
		if dec.DecodeElement(&text, &start) != nil {
			break
		}
		if start.Name.Local == "Code" && code == "" {
			code = text
		} else if start.Name.Local == "Message" && msg == "" {
			msg = text
		}
	}
	return code, msg
}

// retryableError is a failure worth another try: a transport error or a
// server error.
type retryableError struct{ err error }

func (e *retryableError) Error() string { return e.err.Error() }
func (e *retryableError) Unwrap() error { return e.err }

// RetryableError implements the retryer's retryable-error interface.
func (e *retryableError) RetryableError() bool { return true }

// ec2Pages calls a paged EC2 action, with extra parameters (nil for
// none), until its last page: each page is decoded into a new T and given
// to each, which returns the page's next token ("" on the last page).
func ec2Pages[T any](ctx context.Context, c *queryClient, col *collector, action string, extra url.Values, maxResults int, each func(*T) string) error {
	token := ""
	for {
		params := url.Values{"MaxResults": {strconv.Itoa(maxResults)}}
		for k, v := range extra {
			params[k] = v
		}
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

// markerPages calls a paged action of the AWS query protocol, with extra
// parameters (nil for none) and page size size in parameter sizeParam,
// until its last page: each page is decoded into a new T and given to
// each, which returns the marker of the next page ("" on the last page).
func markerPages[T any](ctx context.Context, c *queryClient, col *collector, action string, extra url.Values, sizeParam string, size int, each func(*T) string) error {
	marker := ""
	for {
		params := url.Values{sizeParam: {strconv.Itoa(size)}}
		for k, v := range extra {
			params[k] = v
		}
		if marker != "" {
			params.Set("Marker", marker)
		}
		col.call(c.service + ":" + action)
		var page T
		if err := c.call(ctx, action, params, &page); err != nil {
			return err
		}
		if marker = each(&page); marker == "" {
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

// The parts of DescribeInstances and the launch template calls annexa
// reads.
type (
	ec2MetadataOptions struct {
		HTTPTokens   string `xml:"httpTokens"`
		HTTPEndpoint string `xml:"httpEndpoint"`
		HopLimit     *int32 `xml:"httpPutResponseHopLimit"`
		IPv6         string `xml:"httpProtocolIpv6"`
		Tags         string `xml:"instanceMetadataTags"`
	}
	ec2Instance struct {
		ID           string `xml:"instanceId"`
		AMI          string `xml:"imageId"`
		Type         string `xml:"instanceType"`
		State        string `xml:"instanceState>name"`
		Zone         string `xml:"placement>availabilityZone"`
		SubnetID     string `xml:"subnetId"`
		KeyName      string `xml:"keyName"`
		PrivateIP    string `xml:"privateIpAddress"`
		PublicIP     string `xml:"ipAddress"`
		Monitoring   string `xml:"monitoring>state"`
		EBSOptimized *bool  `xml:"ebsOptimized"`
		Profile      string `xml:"iamInstanceProfile>arn"`
		RootDevice   string `xml:"rootDeviceName"`
		RootType     string `xml:"rootDeviceType"`
		Groups       []struct {
			ID string `xml:"groupId"`
		} `xml:"groupSet>item"`
		Devices []struct {
			Name              string `xml:"deviceName"`
			VolumeID          string `xml:"ebs>volumeId"`
			DeleteOnTerminate *bool  `xml:"ebs>deleteOnTermination"`
		} `xml:"blockDeviceMapping>item"`
		Interfaces []struct {
			DeviceIndex *int32 `xml:"attachment>deviceIndex"`
			PublicIP    string `xml:"association>publicIp"`
		} `xml:"networkInterfaceSet>item"`
		Metadata *ec2MetadataOptions `xml:"metadataOptions"`
		Tags     []ec2Tag            `xml:"tagSet>item"`
	}
	ec2Reservations struct {
		Items []struct {
			Instances []ec2Instance `xml:"instancesSet>item"`
		} `xml:"reservationSet>item"`
		Next string `xml:"nextToken"`
	}
	ec2LaunchTemplate struct {
		ID      string   `xml:"launchTemplateId"`
		Name    string   `xml:"launchTemplateName"`
		Default *int64   `xml:"defaultVersionNumber"`
		Latest  *int64   `xml:"latestVersionNumber"`
		Tags    []ec2Tag `xml:"tagSet>item"`
	}
	ec2LaunchTemplates struct {
		Items []ec2LaunchTemplate `xml:"launchTemplates>item"`
		Next  string              `xml:"nextToken"`
	}
	ec2LaunchTemplateVersion struct {
		TemplateID  string `xml:"launchTemplateId"`
		Description string `xml:"versionDescription"`
		Data        struct {
			AMI          string              `xml:"imageId"`
			Type         string              `xml:"instanceType"`
			KeyName      string              `xml:"keyName"`
			EBSOptimized *bool               `xml:"ebsOptimized"`
			Metadata     *ec2MetadataOptions `xml:"metadataOptions"`
			Monitoring   *bool               `xml:"monitoring>enabled"`
			ProfileArn   string              `xml:"iamInstanceProfile>arn"`
			ProfileName  string              `xml:"iamInstanceProfile>name"`
			Groups       []string            `xml:"securityGroupIdSet>item"`
			Mappings     []struct {
				Name        string `xml:"deviceName"`
				NoDevice    string `xml:"noDevice"`
				VirtualName string `xml:"virtualName"`
				EBS         *struct {
					Encrypted         *bool  `xml:"encrypted"`
					DeleteOnTerminate *bool  `xml:"deleteOnTermination"`
					Iops              *int32 `xml:"iops"`
					KmsKeyID          string `xml:"kmsKeyId"`
					SnapshotID        string `xml:"snapshotId"`
					Throughput        *int32 `xml:"throughput"`
					Size              *int32 `xml:"volumeSize"`
					Type              string `xml:"volumeType"`
				} `xml:"ebs"`
			} `xml:"blockDeviceMappingSet>item"`
		} `xml:"launchTemplateData"`
	}
	ec2LaunchTemplateVersions struct {
		Items []ec2LaunchTemplateVersion `xml:"launchTemplateVersionSet>item"`
		Next  string                     `xml:"nextToken"`
	}
)

// errNoRegions is returned when DescribeRegions lists none.
var errNoRegions = errors.New("the account has no enabled region")
