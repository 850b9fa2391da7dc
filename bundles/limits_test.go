package bundles

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// TestWriterRespectsReaderLimits: for archives around each of the
// reader's limits, writeArchive writes exactly those that ReadArchive
// reads back within the same limits, and refuses the others with an error
// that names the limit.
func TestWriterRespectsReaderLimits(t *testing.T) {
	lim := Limits{MaxEntryBytes: 4096, MaxTotalBytes: 16 * 1024, MaxEntries: 4}
	unbounded := Limits{MaxEntryBytes: 1 << 30, MaxTotalBytes: 1 << 30, MaxEntries: 1 << 20}
	files := func(sizes ...int) []archiveFile {
		var out []archiveFile
		for i, n := range sizes {
			out = append(out, archiveFile{path: fmt.Sprintf("f%d.json", i), data: bytes.Repeat([]byte("x"), n)})
		}
		return out
	}
	tests := []struct {
		name  string
		files []archiveFile
	}{
		{"small", files(10, 20)},
		{"one file at the entry limit", files(4096)},
		{"one file over the entry limit", files(4097)},
		{"entries at the limit", files(1, 1, 1, 1)},
		{"entries over the limit", files(1, 1, 1, 1, 1)},
		// 3 x (512 + 4096) + 1024 = 14848; with a fourth file of 512
		// bytes, 15872; of 513 to 1024 bytes, 16384; of 1025, 16896.
		{"total at the limit", files(4096, 4096, 4096, 1024)},
		{"total over the limit", files(4096, 4096, 4096, 1025)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var raw bytes.Buffer
			if err := writeArchive(&raw, tt.files, unbounded); err != nil {
				t.Fatal(err)
			}
			_, readErr := ReadArchive(bytes.NewReader(raw.Bytes()), lim)
			var out bytes.Buffer
			writeErr := writeArchive(&out, tt.files, lim)
			switch {
			case readErr == nil && writeErr != nil:
				t.Errorf("the writer refuses what the reader reads: %v", writeErr)
			case readErr != nil && writeErr == nil:
				t.Errorf("the writer wrote what the reader refuses: %v", readErr)
			case writeErr != nil:
				if out.Len() != 0 {
					t.Errorf("wrote %d bytes before refusing", out.Len())
				}
				if !strings.Contains(writeErr.Error(), "limit") && !strings.Contains(writeErr.Error(), "may hold") {
					t.Errorf("error does not name the limit: %v", writeErr)
				}
			}
			t.Logf("read: %v; write: %v", readErr, writeErr)
		})
	}
}
