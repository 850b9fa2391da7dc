// Package aws collects resource facts from a live AWS account, read-only,
// in the same Terraform-typed resource model as the plan and source
// providers: an S3 bucket becomes aws_s3_bucket plus its companion
// resources (aws_s3_bucket_server_side_encryption_configuration,
// aws_s3_bucket_public_access_block, ...), so every AWS policy judges the
// cloud as it judges a plan. A value the account does not tell is
// unknown, never invented.
//
// Credentials and the default region come from the SDK's standard chain
// (environment, shared config and credentials files, profiles, SSO, the
// instance role). Only Describe/Get/List calls are made; the IAM policy
// they need is providers/aws/iam-policy.json (IAMPolicy, docs/providers.md).
package aws

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"golang.org/x/term"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/internal/parallel"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/redact"
)

// Name is the provider name recorded in each fact's source.
const Name = "aws"

// ProviderName is the Terraform provider the facts' types belong to.
const ProviderName = "registry.terraform.io/hashicorp/aws"

// AllRegions, as the only region, asks for every region enabled in the
// account.
const AllRegions = "all"

// DefaultConcurrency bounds the API calls in flight at once.
const DefaultConcurrency = 8

// DefaultMaxAttempts is how often a throttled or failed call is tried.
const DefaultMaxAttempts = 8

// Provider reads a live AWS account. The zero value reads the default
// region of the standard credential chain.
type Provider struct {
	// Regions to read; empty means the default region of the credential
	// chain, and AllRegions every region enabled in the account.
	Regions []string
	// Profile names a shared-config profile; "" uses AWS_PROFILE or the
	// default.
	Profile string
	// Concurrency bounds the calls in flight; 0 means DefaultConcurrency.
	Concurrency int
	// MaxAttempts bounds the tries of one call; 0 means DefaultMaxAttempts.
	MaxAttempts int
	// MaxBackoff bounds the wait between tries; 0 means 20s.
	MaxBackoff time.Duration
	// Progress, when set, receives a progress line, rewritten in place
	// (a terminal).
	Progress io.Writer
	// Now gives the collection time; nil means time.Now.
	Now func() time.Time
}

// FactKinds is the kinds of fact a live account gives (providers.Kinded).
func (Provider) FactKinds() []string { return []string{facts.KindResource} }

// Collect implements providers.Provider: it reads the account and
// returns its facts. path names the source in messages ("aws" when given
// no name). Services that cannot be read (access denied, not enabled in
// a region) are warnings saying what was not assessed and why.
func (p Provider) Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	snap, ds := p.Snapshot(ctx, path)
	if snap == nil {
		return nil, ds
	}
	return snap.Facts, ds
}

// Scope implements runner.Scoper: a live account's facts are scoped by
// its profile and regions.
func (p Provider) Scope(string) string {
	s := "aws"
	if p.Profile != "" {
		s += ":" + p.Profile
	}
	if len(p.Regions) > 0 {
		s += ":" + strings.Join(p.Regions, ",")
	}
	return s
}

// Snapshot reads the account into a snapshot: its facts with the account
// id, the regions read and the collection time. It is nil when the
// account could not be read at all (no credentials, no region).
func (p Provider) Snapshot(ctx context.Context, path string) (*Snapshot, diag.Diagnostics) {
	if path == "" {
		path = Name
	}
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	collected := now().UTC().Truncate(time.Second)
	cfg, err := p.loadConfig(ctx)
	if err != nil {
		return nil, fail(path, "load AWS configuration", err)
	}
	id, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return nil, fail(path, "read the account id (sts:GetCallerIdentity)", err)
	}
	workers := p.Concurrency
	if workers <= 0 {
		workers = DefaultConcurrency
	}
	// Every call of every service goes through one client that lets at
	// most workers requests be in flight at once.
	next := cfg.HTTPClient
	if next == nil {
		next = awshttp.NewBuildableClient()
	}
	cfg.HTTPClient = boundedClient{next: next, slots: make(chan struct{}, workers)}
	c := &collector{
		cfg:       cfg,
		path:      "aws://" + aws.ToString(id.Account),
		account:   aws.ToString(id.Account),
		partition: partitionOf(aws.ToString(id.Arn)),
		redactor:  redact.New(nil),
		progress:  p.Progress,
		calls:     map[string]int{"sts:GetCallerIdentity": 1},
	}
	regions, err := p.regions(ctx, cfg, c)
	if err != nil {
		return nil, fail(path, "list the enabled regions (ec2:DescribeRegions)", err)
	}
	var jobs []job
	jobs = append(jobs, job{"iam", "", c.iam}, job{"s3", "", c.s3}, job{"s3control", "", c.s3Account})
	for _, r := range regions {
		jobs = append(jobs,
			job{"ec2", r, c.ec2}, job{"cloudtrail", r, c.cloudtrail}, job{"kms", r, c.kms},
			job{"rds", r, c.rds}, job{"dynamodb", r, c.dynamodb})
	}
	c.total = len(jobs)
	c.workers = workers
	parallel.ForEach(len(jobs), min(workers, len(jobs)), func(i int) {
		j := jobs[i]
		if ctx.Err() != nil {
			return
		}
		err := j.run(ctx, j.region)
		c.done(j, err)
	})
	if c.progress != nil {
		fmt.Fprint(c.progress, "\r\033[K")
	}
	if err := ctx.Err(); err != nil {
		return nil, diag.FromError(err, Name)
	}
	slices.SortFunc(c.notAssessed, func(a, b NotAssessed) int {
		return strings.Compare(a.Service+"\x00"+a.Region, b.Service+"\x00"+b.Region)
	})
	c.facts = append(c.facts, c.collectionFact(regions, collected))
	facts.Sort(c.facts)
	var ds diag.Diagnostics
	for _, n := range c.notAssessed {
		where := n.Service
		if n.Region != "" {
			where += " in " + n.Region
		}
		ds = append(ds, diag.Diagnostic{
			Severity: diag.Warning, File: path, Source: Name,
			Summary: fmt.Sprintf("AWS %s not assessed: %s", where, n.Reason),
			Detail:  "grant the read-only permissions of providers/aws/iam-policy.json (docs/providers.md), or enable the service in the region; its controls stay not assessed",
		})
	}
	return &Snapshot{
		Format:      SnapshotFormat,
		AccountID:   c.account,
		Partition:   c.partition,
		Regions:     regions,
		CollectedAt: collected,
		NotAssessed: c.notAssessed,
		Calls:       c.callList(),
		Facts:       c.facts,
	}, ds
}

func fail(path, what string, err error) diag.Diagnostics {
	return diag.Diagnostics{{
		Severity: diag.Error, File: path, Source: Name,
		Summary: fmt.Sprintf("%s: %s", what, errorText(err)),
		Detail:  "annexa uses the standard AWS credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, shared config, SSO, instance role) and needs a region (AWS_REGION or --region)",
	}}
}

// loadConfig loads the SDK configuration from the standard chain, with
// retries bounded and backed off (throttling is retried).
func (p Provider) loadConfig(ctx context.Context) (aws.Config, error) {
	attempts := p.MaxAttempts
	if attempts <= 0 {
		attempts = DefaultMaxAttempts
	}
	backoff := p.MaxBackoff
	if backoff <= 0 {
		backoff = 20 * time.Second
	}
	opts := []func(*config.LoadOptions) error{
		config.WithRetryer(func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts = attempts
				o.MaxBackoff = backoff
				// Throttling is expected when reading a large account; the
				// client-side token bucket would fail calls early instead of
				// waiting for them.
				o.RateLimiter = noRateLimit{}
			})
		}),
	}
	if p.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(p.Profile))
	}
	if len(p.Regions) > 0 && p.Regions[0] != AllRegions {
		opts = append(opts, config.WithRegion(p.Regions[0]))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return cfg, err
	}
	if cfg.Region == "" {
		return cfg, errors.New("no region: set AWS_REGION, a region in the profile, or --region")
	}
	return cfg, nil
}

// boundedClient bounds the requests in flight through it.
type boundedClient struct {
	next  aws.HTTPClient
	slots chan struct{}
}

// Do implements aws.HTTPClient.
func (b boundedClient) Do(r *http.Request) (*http.Response, error) {
	select {
	case b.slots <- struct{}{}:
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
	defer func() { <-b.slots }()
	return b.next.Do(r)
}

// noRateLimit lets every retry through: the backoff alone paces them.
type noRateLimit struct{}

func (noRateLimit) GetToken(context.Context, uint) (func() error, error) {
	return func() error { return nil }, nil
}
func (noRateLimit) AddTokens(uint) error { return nil }

// regions resolves the regions to read, sorted.
func (p Provider) regions(ctx context.Context, cfg aws.Config, c *collector) ([]string, error) {
	if len(p.Regions) == 0 {
		return []string{cfg.Region}, nil
	}
	if !slices.Contains(p.Regions, AllRegions) {
		out := slices.Clone(p.Regions)
		slices.Sort(out)
		return slices.Compact(out), nil
	}
	c.call("ec2:DescribeRegions")
	var resp ec2Regions
	if err := newEC2Client(cfg, cfg.Region).call(ctx, "DescribeRegions", url.Values{}, &resp); err != nil {
		return nil, err
	}
	var out []string
	for _, r := range resp.Items {
		out = append(out, r.Name)
	}
	if len(out) == 0 {
		return nil, errNoRegions
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// CollectionType is the type of the data fact that describes a
// collection: the account, its partition, the regions read, when, and
// which services were read ("service" or "service:region") and which
// not, so that a policy can tell a resource that is gone from one that
// was not looked for.
const CollectionType = "annexa_aws_collection"

func (c *collector) collectionFact(regions []string, at time.Time) facts.Fact {
	slices.Sort(c.assessed)
	notAssessed := []any{}
	for _, n := range c.notAssessed {
		notAssessed = append(notAssessed, map[string]any{"service": n.Service, "region": n.Region, "reason": n.Reason})
	}
	return facts.Fact{
		Kind:        facts.KindResource,
		Source:      facts.Source{Provider: Name, File: c.path},
		ID:          "data." + CollectionType + ".this[" + strconv.Quote(c.account) + "]",
		BaseAddress: "data." + CollectionType + ".this",
		Mode:        facts.ModeData,
		Type:        CollectionType,
		Name:        "this",
		Index:       c.account,
		Attributes: map[string]any{
			"account_id": c.account, "partition": c.partition, "regions": stringList(regions),
			"collected_at": at.Format(time.RFC3339), "assessed": stringList(c.assessed), "not_assessed": notAssessed,
		},
	}
}

// partitionOf reads the partition from an ARN (arn:PARTITION:...).
func partitionOf(arn string) string {
	parts := strings.SplitN(arn, ":", 3)
	if len(parts) >= 2 && parts[1] != "" {
		return parts[1]
	}
	return "aws"
}

// job reads one service in one region ("" for a global service).
type job struct {
	service, region string
	run             func(ctx context.Context, region string) error
}

// NotAssessed records a service that could not be read, and why.
type NotAssessed struct {
	Service string `json:"service"`
	Region  string `json:"region,omitempty"`
	Reason  string `json:"reason"`
}

// collector gathers the facts of one account; its methods are safe for
// concurrent use.
type collector struct {
	cfg       aws.Config
	path      string
	account   string
	partition string
	redactor  *redact.Redactor
	progress  io.Writer
	workers   int

	mu          sync.Mutex
	facts       []facts.Fact
	notAssessed []NotAssessed
	assessed    []string
	calls       map[string]int
	total, n    int
}

// done records a finished job: its error, if any, makes the service not
// assessed in the region.
func (c *collector) done(j job, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	var partial *partialError
	switch {
	case errors.As(err, &partial):
		c.notAssessed = append(c.notAssessed, partial.failed...)
	case err != nil:
		c.notAssessed = append(c.notAssessed, NotAssessed{Service: j.service, Region: j.region, Reason: errorText(err)})
	default:
		c.assessed = append(c.assessed, strings.TrimSuffix(j.service+":"+j.region, ":"))
	}
	if c.progress != nil {
		where := j.service
		if j.region != "" {
			where += " " + j.region
		}
		fmt.Fprintf(c.progress, "\r\033[Kaws %s: %d/%d services read, %d resources (%s)", c.account, c.n, c.total, len(c.facts), where)
	}
}

// call counts one API call, for the snapshot's record of what was asked.
func (c *collector) call(op string) {
	c.mu.Lock()
	c.calls[op]++
	c.mu.Unlock()
}

func (c *collector) callList() []string {
	out := make([]string, 0, len(c.calls))
	for op := range c.calls {
		out = append(out, op)
	}
	slices.Sort(out)
	return out
}

// resource is one fact to add: its type, the Terraform name it is given
// (the region, or "global"), its key and its attributes; unknown lists
// the attributes the account does not tell.
type resource struct {
	typ, name, key string
	attrs          map[string]any
	unknown        []string
}

// add redacts a resource's attributes and adds its fact.
func (c *collector) add(rs ...resource) {
	out := make([]facts.Fact, 0, len(rs))
	for _, r := range rs {
		res := c.redactor.Object(r.attrs, nil)
		unknown := slices.Clone(r.unknown)
		for _, u := range unknown {
			delete(res.Attributes, u)
		}
		slices.Sort(unknown)
		base := r.typ + "." + r.name
		out = append(out, facts.Fact{
			Kind:         facts.KindResource,
			Source:       facts.Source{Provider: Name, File: c.path},
			ID:           base + "[" + strconv.Quote(r.key) + "]",
			Type:         r.typ,
			BaseAddress:  base,
			Mode:         facts.ModeManaged,
			Name:         r.name,
			Index:        r.key,
			ProviderName: ProviderName,
			Attributes:   res.Attributes,
			Unknown:      slices.Compact(unknown),
			Sensitive:    res.Sensitive,
			Detected:     res.Detected,
		})
	}
	c.mu.Lock()
	c.facts = append(c.facts, out...)
	c.mu.Unlock()
}

// arn builds an ARN in the account's partition.
func (c *collector) arn(service, region, resource string) string {
	return fmt.Sprintf("arn:%s:%s:%s:%s:%s", c.partition, service, region, c.account, resource)
}

// errorText is an API error as a short reason: its code and message.
func errorText(err error) string {
	var be *bucketError
	if errors.As(err, &be) {
		return be.Error()
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		msg := api.ErrorMessage()
		if msg == "" {
			return api.ErrorCode()
		}
		return api.ErrorCode() + ": " + msg
	}
	return err.Error()
}

// errorCode is the API error code of err, "" when it is not an API error.
func errorCode(err error) string {
	var api smithy.APIError
	if errors.As(err, &api) {
		return api.ErrorCode()
	}
	return ""
}

// num is a number as the fact model holds numbers.
func num[T ~int32 | ~int64 | ~int](n T) json.Number {
	return json.Number(strconv.FormatInt(int64(n), 10))
}

// numPtr is num of *n, or nil.
func numPtr[T ~int32 | ~int64 | ~int](n *T) any {
	if n == nil {
		return nil
	}
	return num(*n)
}

// str is *s, or nil.
func str(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// boolean is *b, or nil.
func boolean(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

// strings converts a list to the fact model's []any.
func stringList[T ~string](in []T) []any {
	out := make([]any, 0, len(in))
	for _, s := range in {
		out = append(out, string(s))
	}
	return out
}

// tagMap turns key/value pairs into a tags object.
func tagMap(n int, kv func(i int) (string, string)) map[string]any {
	out := make(map[string]any, n)
	for i := range n {
		k, v := kv(i)
		out[k] = v
	}
	return out
}

// withTags sets tags and tags_all, as Terraform's state holds them.
func withTags(attrs, tags map[string]any) map[string]any {
	attrs["tags"] = tags
	all := make(map[string]any, len(tags))
	for k, v := range tags {
		all[k] = v
	}
	attrs["tags_all"] = all
	return attrs
}

// IAMPolicy is the IAM policy document that allows every call the
// provider makes, and nothing else: read-only.
//
//go:embed iam-policy.json
var IAMPolicy []byte

// DefaultRegions is the --aws value that reads the default region of the
// credential chain.
const DefaultRegions = "default"

// ParseRegions reads a comma-separated region list as --aws takes it:
// DefaultRegions (nil), AllRegions, or region names such as eu-west-1.
func ParseRegions(value string) ([]string, error) {
	value = strings.TrimSpace(value)
	if value == "" || value == DefaultRegions {
		return nil, nil
	}
	var out []string
	for r := range strings.SplitSeq(value, ",") {
		r = strings.TrimSpace(r)
		if r == AllRegions {
			if value != AllRegions {
				return nil, fmt.Errorf("%q stands alone: it reads every enabled region", AllRegions)
			}
			return []string{AllRegions}, nil
		}
		if !validRegion(r) {
			return nil, fmt.Errorf("%q is not a region name such as eu-west-1 (or %q, or %q)", r, DefaultRegions, AllRegions)
		}
		out = append(out, r)
	}
	return out, nil
}

// validRegion is true for a name made like an AWS region: lower-case
// letters, digits and dashes, with a dash and a final digit.
func validRegion(r string) bool {
	if len(r) < 4 || !strings.Contains(r, "-") || r[len(r)-1] < '0' || r[len(r)-1] > '9' {
		return false
	}
	for _, c := range r {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// TerminalProgress is standard error when it is a terminal, for a
// progress line; nil otherwise.
func TerminalProgress() io.Writer {
	if term.IsTerminal(int(os.Stderr.Fd())) {
		return os.Stderr
	}
	return nil
}
