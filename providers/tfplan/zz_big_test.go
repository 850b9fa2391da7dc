package tfplan

import (
	"context"
	"os"
	"testing"
)

func BenchmarkZZParseBig(b *testing.B) {
	data, err := os.ReadFile("/tmp/perf15/plan-15000/plan.json")
	if err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(context.Background(), "plan.json", data); err != nil {
			b.Fatal(err)
		}
	}
}
