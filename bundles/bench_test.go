package bundles

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers/facts"
)

// benchEvidence evaluates n resource facts (EBS volumes and S3 buckets, a
// tenth misconfigured) with the built-in policies.
func benchEvidence(b *testing.B, n int) *Evidence {
	b.Helper()
	fs := make([]facts.Fact, n)
	for i := range fs {
		typ, attrs := "aws_ebs_volume", map[string]any{"encrypted": i%10 != 0, "size": json.Number("100"), "type": "gp3"}
		if i%2 == 1 {
			typ, attrs = "aws_s3_bucket", map[string]any{"bucket": fmt.Sprintf("bucket-%d", i), "tags": map[string]any{"env": "prod"}}
		}
		id := fmt.Sprintf("module.m%d.%s.r%d", i%50, typ, i)
		fs[i] = facts.Fact{
			Kind: facts.KindResource, Source: facts.Source{Provider: "terraform-plan", File: testPlan},
			ID: id, BaseAddress: id, Mode: facts.ModeManaged, Module: fmt.Sprintf("module.m%d", i%50),
			Type: typ, Name: fmt.Sprintf("r%d", i), Actions: []string{"create"}, Attributes: attrs,
			Unknown: []string{"arn", "id"},
		}
	}
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.WithEffectiveTime(effective))
	if err != nil {
		b.Fatal(err)
	}
	report, err := eng.Evaluate(ctx, fs)
	if err != nil {
		b.Fatal(err)
	}
	return &Evidence{Facts: fs, Report: report, Policies: eng.PolicyFiles(), Inputs: []string{testPlan}}
}

func BenchmarkWrite(b *testing.B) {
	signer := loadSigner(b, "annexa-test")
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("facts=%d", n), func(b *testing.B) {
			ev := benchEvidence(b, n)
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(context.Background(), &buf, ev, signer, effective); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "bundle-bytes")
		})
	}
}

func BenchmarkVerify(b *testing.B) {
	signer, key := loadSigner(b, "annexa-test"), loadVerifier(b, "annexa-test")
	for _, n := range []int{1000, 10000} {
		ev := benchEvidence(b, n)
		var buf bytes.Buffer
		if err := Write(context.Background(), &buf, ev, signer, effective); err != nil {
			b.Fatal(err)
		}
		for _, replay := range []bool{false, true} {
			b.Run(fmt.Sprintf("facts=%d/replay=%v", n, replay), func(b *testing.B) {
				for b.Loop() {
					a, err := ReadArchive(bytes.NewReader(buf.Bytes()), Limits{})
					if err != nil {
						b.Fatal(err)
					}
					opts := VerifyOptions{Now: effective.Add(time.Hour)}
					if replay {
						opts.Replay = testReplay
					}
					if _, err := Verify(context.Background(), a, key, opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
