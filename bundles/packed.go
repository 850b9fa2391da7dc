package bundles

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/klauspost/compress/flate"

	"github.com/annexa-dev/annexa/providers/facts"
)

// PackedFile is a file of a bundle rendered ahead of the bundle and held
// compressed, with the size and digest the bundle records for it. A
// large input's facts.json is rendered this way before the evaluation, so
// that the facts' attributes can be released and what stands in for them
// until the bundle is written is a fraction of their size.
type PackedFile struct {
	compressed []byte
	size       int64
	sha256     string
}

// Size is the file's uncompressed size in bytes.
func (p *PackedFile) Size() int64 { return p.size }

// SHA256 is the hex SHA-256 digest of the file's content.
func (p *PackedFile) SHA256() string { return p.sha256 }

// open reads the file's content back.
func (p *PackedFile) open() io.ReadCloser {
	return flate.NewReader(bytes.NewReader(p.compressed))
}

// EncodeFacts renders fs as a bundle's facts.json, in the order facts.Sort
// gives, indented as the bundle's other JSON files are. It renders one
// fact at a time, so the whole document is never held uncompressed.
func EncodeFacts(fs []facts.Fact) (*PackedFile, error) {
	if !facts.Sorted(fs) {
		fs = slices.Clone(fs)
		facts.Sort(fs)
	}
	return pack(FileFacts, func(w io.Writer) error {
		// An element is indented as it is inside the array: its lines
		// after the first carry the array's indent as a prefix.
		var elem bytes.Buffer
		enc := json.NewEncoder(&elem)
		enc.SetEscapeHTML(false)
		enc.SetIndent("  ", "  ")
		if _, err := io.WriteString(w, "["); err != nil {
			return err
		}
		for i := range fs {
			sep := ",\n  "
			if i == 0 {
				sep = "\n  "
			}
			elem.Reset()
			elem.WriteString(sep)
			if err := enc.Encode(&fs[i]); err != nil {
				return fmt.Errorf("fact %s: %w", fs[i].ID, err)
			}
			// Encode ends each value with a newline; inside the array
			// the separator follows instead.
			if _, err := w.Write(bytes.TrimSuffix(elem.Bytes(), []byte("\n"))); err != nil {
				return err
			}
		}
		end := "]\n"
		if len(fs) > 0 {
			end = "\n]\n"
		}
		_, err := io.WriteString(w, end)
		return err
	})
}

// pack renders the file name into a PackedFile.
func pack(name string, render func(io.Writer) error) (*PackedFile, error) {
	var compressed bytes.Buffer
	zw, err := flate.NewWriter(&compressed, flate.BestSpeed)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sum := sha256.New()
	out := &countingWriter{w: io.MultiWriter(zw, sum)}
	if err := render(out); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &PackedFile{
		compressed: slices.Clip(compressed.Bytes()),
		size:       out.n,
		sha256:     hex.EncodeToString(sum.Sum(nil)),
	}, nil
}

// countingWriter counts what it passes on.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
