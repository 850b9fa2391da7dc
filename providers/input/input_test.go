package input

import (
	"context"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/internal/testfs"
)

// TestReadFileContextFromFIFO reads a named pipe whose writer opens it,
// writes at once and closes, as `terraform show -json tfplan > pipe` does:
// the whole of what it wrote is read. Looking at the path by opening it
// used to serve as the writer's reader, and what the writer wrote was lost
// when that look ended, about one time in two.
func TestReadFileContextFromFIFO(t *testing.T) {
	want := `{"format_version":"1.2"}`
	for i := range 20 {
		path := testfs.FIFO(t, "plan.json", want)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		got, err := ReadFileContext(ctx, path, 0)
		cancel()
		if err != nil || string(got) != want {
			t.Fatalf("read %d: %q, %v; want %q", i, got, err, want)
		}
	}
}
