// Package awsfake is a local stand-in for the AWS APIs annexa's AWS
// provider reads, for tests: an HTTP server speaking each service's own
// wire protocol (REST-XML for S3 and S3 Control, the EC2 and AWS query
// protocols for EC2, IAM, STS and RDS, AWS JSON 1.0/1.1 for DynamoDB, KMS
// and CloudTrail) over an account held in memory. It pages every list by
// PageSize, can throttle an operation a number of times before it
// answers, and can deny a service. The SDK is pointed at it with
// AWS_ENDPOINT_URL (or BaseEndpoint); the service a request is for is
// read from its SigV4 credential scope.
package awsfake

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Account is the state of the fake account.
type Account struct {
	ID, UserArn string
	Regions     []string

	Buckets []Bucket
	// AccountPublicAccessBlock is the account-level S3 public access
	// block, its settings in Bucket.PublicAccessBlock's order; nil: none.
	AccountPublicAccessBlock []bool
	PasswordPolicy           map[string]any // IAM PasswordPolicy members; nil: none set
	Users                    []User
	Policies                 []Policy
	// Per region:
	SecurityGroups map[string][]SecurityGroup
	VPCs           map[string][]VPC
	FlowLogs       map[string][]FlowLog
	Volumes        map[string][]Volume
	Instances      map[string][]Instance
	Templates      map[string][]LaunchTemplate
	EBSDefault     map[string]bool
	Trails         map[string][]Trail
	Keys           map[string][]Key
	DBInstances    map[string][]DBInstance
	Tables         map[string][]Table
}

// Bucket is an S3 bucket; empty settings are not configured.
type Bucket struct {
	Name, Region string
	Tags         map[string]string
	// SSEAlgorithm and KMSKeyID make its default encryption.
	SSEAlgorithm, KMSKeyID string
	// PublicAccessBlock holds the four settings in the API's order
	// (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy,
	// RestrictPublicBuckets); nil for none.
	PublicAccessBlock []bool
	Versioning        string
	LogTarget         string
	Policy            string
}

// User is an IAM user.
type User struct {
	Name       string
	Tags       map[string]string
	MFASerials []string
	// LoginProfile is when the user's console password was created
	// (RFC 3339); empty, the user has no console password.
	LoginProfile string
	AccessKeys   []AccessKey
}

// AccessKey is an IAM access key.
type AccessKey struct{ ID, Status, Created string }

// Policy is a customer-managed IAM policy with its default document.
type Policy struct{ Name, Document string }

// SecurityGroup is an EC2 security group; Ingress rules are given as
// (protocol, from, to, cidr).
type SecurityGroup struct {
	ID, Name, VpcID string
	Ingress         []Rule
	Tags            map[string]string
}

// Rule is one ingress permission with one IPv4 source.
type Rule struct {
	Protocol string
	From, To int
	CIDR     string
}

// VPC is an EC2 VPC.
type VPC struct {
	ID, CIDR  string
	IsDefault bool
	Tags      map[string]string
}

// FlowLog is a VPC flow log.
type FlowLog struct{ ID, ResourceID, Destination string }

// Volume is an EBS volume.
type Volume struct {
	ID        string
	Encrypted bool
	Size      int
	Tags      map[string]string
}

// Instance is an EC2 instance with an EBS root volume (/dev/xvda), which
// is one of the region's Volumes.
type Instance struct {
	ID, AMI, Type, SubnetID string
	// State is the instance state; "" is running.
	State string
	// HTTPTokens is its metadata options' http_tokens, "required" or
	// "optional".
	HTTPTokens   string
	RootVolumeID string
	Monitoring   bool
	// Profile is its instance profile's name; "" for none.
	Profile  string
	PublicIP string
	Groups   []string
	Tags     map[string]string
}

// LaunchTemplate is an EC2 launch template with one version, its
// default, that maps one EBS device (/dev/xvda).
type LaunchTemplate struct {
	ID, Name string
	// HTTPTokens is the metadata options' http_tokens; "" leaves the
	// metadata options out.
	HTTPTokens string
	// Encrypted is the device's encrypted setting; nil leaves it out.
	Encrypted *bool
	Tags      map[string]string
}

// Trail is a CloudTrail trail.
type Trail struct {
	Name, Bucket, KMSKeyID, LogGroupArn string
	MultiRegion, Validation, Logging    bool
}

// Key is a KMS key.
type Key struct {
	ID       string
	Rotation bool
	AWSOwned bool
	Tags     map[string]string
}

// DBInstance is an RDS instance.
type DBInstance struct {
	ID                                          string
	Engine                                      string
	Encrypted, Public, MultiAZ, DeletionProtect bool
	IAMAuth                                     bool
	BackupDays, Storage, MaxStorage             int
	Tags                                        map[string]string
}

// Table is a DynamoDB table.
type Table struct {
	Name      string
	KMSKeyArn string
	PITR      bool
	Tags      map[string]string
}

// Server is a running fake.
type Server struct {
	*httptest.Server
	// PageSize is how many items a list answer holds at most.
	PageSize int
	// Delay is how long each answer takes, so that calls overlap.
	Delay time.Duration

	mu       sync.Mutex
	account  *Account
	throttle map[string]int
	deny     map[string]bool
	denyBkt  map[string]bool
	calls    map[string]int
	inFlight int
	maxIn    int
}

// MaxInFlight is the most requests the fake was answering at once.
func (s *Server) MaxInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxIn
}

// Start starts a fake serving a, closed when the test ends.
func Start(t testing.TB, a *Account) *Server {
	t.Helper()
	s := &Server{PageSize: 2, account: a, throttle: map[string]int{}, deny: map[string]bool{}, denyBkt: map[string]bool{}, calls: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Env is the environment that points the SDK at the fake, with static
// credentials, no instance metadata and no shared files.
func (s *Server) Env(dir string) []string {
	return []string{
		"AWS_ENDPOINT_URL=" + s.URL,
		"AWS_ACCESS_KEY_ID=AKIAFAKEFAKEFAKEFAKE",
		"AWS_SECRET_ACCESS_KEY=fake-secret-for-tests",
		"AWS_REGION=" + s.account.Regions[0],
		"AWS_EC2_METADATA_DISABLED=true",
		"AWS_CONFIG_FILE=" + dir + "/aws-config",
		"AWS_SHARED_CREDENTIALS_FILE=" + dir + "/aws-credentials",
		"AWS_PROFILE=",
	}
}

// Throttle makes the next n calls of op ("kms:ListKeys") fail with the
// service's throttling error.
func (s *Server) Throttle(op string, n int) {
	s.mu.Lock()
	s.throttle[op] = n
	s.mu.Unlock()
}

// Deny makes every call to service ("s3") fail with access denied.
func (s *Server) Deny(service string) {
	s.mu.Lock()
	s.deny[service] = true
	s.mu.Unlock()
}

// DenyBucket makes every call about bucket fail with access denied, as
// a bucket policy that denies the caller does.
func (s *Server) DenyBucket(bucket string) {
	s.mu.Lock()
	s.denyBkt[bucket] = true
	s.mu.Unlock()
}

// Calls is how often op was called, throttled calls included.
func (s *Server) Calls(op string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[op]
}

// request is one call as the handlers see it.
type request struct {
	w       http.ResponseWriter
	r       *http.Request
	service string
	region  string
	op      string
	form    url.Values
	json    map[string]any
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	service, region := scope(r.Header.Get("Authorization"))
	req := &request{w: w, r: r, service: service, region: region}
	body, _ := io.ReadAll(r.Body)
	switch service {
	case "s3":
		req.op = s3Op(r)
	case "ec2", "iam", "sts", "rds":
		req.form, _ = url.ParseQuery(string(body))
		req.op = req.form.Get("Action")
	case "kms", "dynamodb", "cloudtrail":
		target := r.Header.Get("X-Amz-Target")
		req.op = target[strings.LastIndex(target, ".")+1:]
		_ = json.Unmarshal(body, &req.json)
	default:
		http.Error(w, "unknown service "+service, http.StatusBadRequest)
		return
	}
	op := service + ":" + req.op
	s.mu.Lock()
	s.inFlight++
	s.maxIn = max(s.maxIn, s.inFlight)
	delay := s.Delay
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()
	time.Sleep(delay)
	s.mu.Lock()
	s.calls[op]++
	throttled := s.throttle[op] > 0
	if throttled {
		s.throttle[op]--
	}
	denied := s.deny[service] || (service == "s3" && s.denyBkt[strings.Trim(r.URL.Path, "/")])
	s.mu.Unlock()
	switch {
	case throttled:
		req.fail(http.StatusBadRequest, throttleCode[service], "Rate exceeded")
	case denied:
		req.fail(http.StatusForbidden, denyCode[service], fmt.Sprintf("User: %s is not authorized to perform: %s", s.account.UserArn, op))
	default:
		s.handle(req)
	}
}

var throttleCode = map[string]string{
	"s3": "SlowDown", "ec2": "RequestLimitExceeded", "iam": "Throttling", "sts": "Throttling",
	"rds": "Throttling", "kms": "ThrottlingException", "dynamodb": "ThrottlingException", "cloudtrail": "ThrottlingException",
}

var denyCode = map[string]string{
	"s3": "AccessDenied", "ec2": "UnauthorizedOperation", "iam": "AccessDenied", "sts": "AccessDenied",
	"rds": "AccessDenied", "kms": "AccessDeniedException", "dynamodb": "AccessDeniedException", "cloudtrail": "AccessDeniedException",
}

// scope reads service and region from a SigV4 Authorization header.
func scope(auth string) (service, region string) {
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return "", ""
	}
	cred, _, _ = strings.Cut(cred, ",")
	parts := strings.Split(cred, "/")
	if len(parts) < 5 {
		return "", ""
	}
	return parts[3], parts[2]
}

// s3Op names the S3 operation of a path-style request.
func s3Op(r *http.Request) string {
	if strings.Trim(r.URL.Path, "/") == "" {
		return "ListBuckets"
	}
	if strings.HasPrefix(r.URL.Path, "/v20180820/") {
		if r.URL.Path == "/v20180820/configuration/publicAccessBlock" && r.Method == http.MethodGet {
			return "GetPublicAccessBlock"
		}
		return "Unknown"
	}
	q := r.URL.Query()
	for _, sub := range []string{"encryption", "publicAccessBlock", "versioning", "logging", "policy", "tagging", "location"} {
		if q.Has(sub) {
			return "GetBucket" + strings.ToUpper(sub[:1]) + sub[1:]
		}
	}
	return "Unknown"
}

// fail writes an error in the service's protocol.
func (q *request) fail(status int, code, msg string) {
	switch q.service {
	case "s3":
		if code == "SlowDown" {
			status = http.StatusServiceUnavailable
		}
		q.xml(status, fmt.Sprintf("<Error><Code>%s</Code><Message>%s</Message><RequestId>fake</RequestId></Error>", code, esc(msg)))
	case "ec2":
		q.xml(status, fmt.Sprintf("<Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors><RequestID>fake</RequestID></Response>", code, esc(msg)))
	case "iam", "sts", "rds":
		q.xml(status, fmt.Sprintf("<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>fake</RequestId></ErrorResponse>", code, esc(msg)))
	default:
		q.w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		q.w.Header().Set("X-Amzn-ErrorType", code)
		q.w.WriteHeader(status)
		_ = json.NewEncoder(q.w).Encode(map[string]any{"__type": code, "message": msg})
	}
}

func (q *request) xml(status int, body string) {
	q.w.Header().Set("Content-Type", "text/xml")
	q.w.Header().Set("x-amz-request-id", "fake")
	q.w.WriteHeader(status)
	_, _ = io.WriteString(q.w, `<?xml version="1.0" encoding="UTF-8"?>`+body)
}

// query answers an AWS query protocol call (IAM, STS, RDS).
func (q *request) query(result string) {
	ns := map[string]string{"iam": "https://iam.amazonaws.com/doc/2010-05-08/", "sts": "https://sts.amazonaws.com/doc/2011-06-15/", "rds": "http://rds.amazonaws.com/doc/2014-10-31/"}[q.service]
	q.xml(http.StatusOK, fmt.Sprintf(`<%sResponse xmlns="%s"><%sResult>%s</%sResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></%sResponse>`,
		q.op, ns, q.op, result, q.op, q.op))
}

// ec2 answers an EC2 query protocol call.
func (q *request) ec2(body string) {
	q.xml(http.StatusOK, fmt.Sprintf(`<%sResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>fake</requestId>%s</%sResponse>`, q.op, body, q.op))
}

func (q *request) jsonOK(v any) {
	q.w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_ = json.NewEncoder(q.w).Encode(v)
}

func esc(s string) string { return html.EscapeString(s) }

// el renders an element holding already rendered children.
func el(name string, children ...string) string {
	return "<" + name + ">" + strings.Join(children, "") + "</" + name + ">"
}

// tx renders an element holding text.
func tx(name, text string) string { return el(name, esc(text)) }

func bl(name string, b bool) string { return tx(name, strconv.FormatBool(b)) }

func in(name string, n int) string { return tx(name, strconv.Itoa(n)) }

// publicAccessBlockXML renders the four settings of a public access block.
func publicAccessBlockXML(p []bool, ns string) string {
	return `<PublicAccessBlockConfiguration` + ns + `>` + bl("BlockPublicAcls", p[0]) + bl("IgnorePublicAcls", p[1]) +
		bl("BlockPublicPolicy", p[2]) + bl("RestrictPublicBuckets", p[3]) + `</PublicAccessBlockConfiguration>`
}

// page cuts n items at token (an index) into one page, returning its
// bounds and the next token, "" on the last page.
func (s *Server) page(n int, token string) (start, end int, next string) {
	start, _ = strconv.Atoi(token)
	start = min(max(start, 0), n)
	end = min(start+s.PageSize, n)
	if end < n {
		next = strconv.Itoa(end)
	}
	return start, end, next
}

func tagsXML(listName, item string, tags map[string]string) string {
	var b strings.Builder
	for _, k := range sortedKeys(tags) {
		b.WriteString(el(item, tx(keyName(item), k), tx(valueName(item), tags[k])))
	}
	return el(listName, b.String())
}

func keyName(item string) string {
	if item == "item" {
		return "key"
	}
	return "Key"
}

func valueName(item string) string {
	if item == "item" {
		return "value"
	}
	return "Value"
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (s *Server) handle(q *request) {
	a := s.account
	switch q.service {
	case "sts":
		q.query(tx("Arn", a.UserArn) + tx("UserId", "AIDAFAKE") + tx("Account", a.ID))
	case "s3":
		s.s3(q)
	case "ec2":
		s.ec2(q)
	case "iam":
		s.iam(q)
	case "rds":
		s.rds(q)
	case "kms":
		s.kms(q)
	case "dynamodb":
		s.dynamodb(q)
	case "cloudtrail":
		s.cloudtrail(q)
	}
}
