package tfsource

import (
	"context"
	"fmt"
	"testing"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/internal/benchgen"
)

// BenchmarkCollect measures evaluating Terraform source of about 1,000
// and 10,000 resource instances into facts.
func BenchmarkCollect(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("instances=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if _, err := benchgen.WriteSource(dir, n); err != nil {
				b.Fatal(err)
			}
			var facts int
			b.ReportAllocs()
			for b.Loop() {
				fs, err := diag.AsError(Provider{}.Collect(context.Background(), dir))
				if err != nil {
					b.Fatal(err)
				}
				facts = len(fs)
			}
			b.ReportMetric(float64(facts)*float64(b.N)/b.Elapsed().Seconds(), "facts/s")
		})
	}
}
