// Package input reads provider input files defensively: bounded size, clear
// errors for empty, binary or wrongly encoded files, and JSON errors mapped
// to line and column.
package input

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"unicode/utf8"
)

// DefaultMaxBytes bounds an input file when the caller sets no limit. A
// Terraform plan of 10,000 resources is about 40 MiB.
const DefaultMaxBytes = 512 << 20

// ReadFile reads at most maxBytes (DefaultMaxBytes when zero) from path and
// fails, naming the file, when it is larger.
func ReadFile(path string, maxBytes int64) ([]byte, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, errors.Unwrap(err))
	}
	defer f.Close()
	return readOpen(f, path, maxBytes)
}

// ReadFileContext is ReadFile for a path that may be a FIFO, a terminal or
// /dev/stdin (a plan given as <(terraform show -json tfplan)), whose open
// and read block until a writer comes: it returns when ctx is done. A
// regular file is opened without blocking and read at once.
func ReadFileContext(ctx context.Context, path string, maxBytes int64) ([]byte, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	// A FIFO is not opened to see what it is: a writer waiting in its own
	// open would take that open for its reader, write, close, and what it
	// wrote would be gone once the look was over, leaving an empty input.
	if st, err := os.Stat(path); err == nil && st.Mode()&os.ModeNamedPipe != 0 {
		return readSpecial(ctx, path, maxBytes, st)
	}
	// O_NONBLOCK makes opening a FIFO (one put in the path's place since)
	// return at once; it changes nothing for a regular file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, errors.Unwrap(err))
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("stat %s: %w", path, err)
	}
	if st.Mode().IsRegular() || st.IsDir() {
		defer f.Close()
		return readOpen(f, path, maxBytes)
	}
	f.Close()
	return readSpecial(ctx, path, maxBytes, st)
}

// readSpecial reads the special file at path (st: what it is) with an
// ordinary blocking open and read, in a goroutine that the caller stops
// waiting for when ctx is done.
func readSpecial(ctx context.Context, path string, maxBytes int64, st os.FileInfo) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := ReadFile(path, maxBytes)
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-ctx.Done():
		if st.Mode()&os.ModeNamedPipe != 0 {
			// A FIFO's reader waits in open(2) for a writer: become one,
			// so that it sees the end of input and the goroutine ends.
			if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				w.Close()
			}
		}
		return nil, fmt.Errorf("read %s: %w", path, ctx.Err())
	}
}

// readOpen reads the open file f, named path in errors.
func readOpen(f *os.File, path string, maxBytes int64) ([]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat %s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("read %s: is a directory, expected a file", path)
	}
	// Reading into a buffer of the file's size, rather than one that
	// grows, matters for plans of hundreds of megabytes.
	buf := bytes.NewBuffer(make([]byte, 0, min(st.Size(), maxBytes)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, maxBytes+1))
	data := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("read %s: file is larger than the %d MiB limit", path, maxBytes>>20)
	}
	return data, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// CheckText strips a UTF-8 byte order mark and rejects empty, UTF-16 and
// non-UTF-8 input with an error naming the file.
func CheckText(file string, data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: file is empty", file)
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, fmt.Errorf("%s: file is UTF-16 encoded (PowerShell's `>` does this); write it as UTF-8, e.g. `terraform show -json tfplan | Out-File -Encoding utf8 tfplan.json`", file)
	}
	if !utf8.Valid(data) {
		line, col := Position(data, firstInvalidUTF8(data))
		return nil, fmt.Errorf("%s:%d:%d: file is not UTF-8 text", file, line, col)
	}
	return data, nil
}

func firstInvalidUTF8(data []byte) int64 {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return int64(i)
		}
		i += size
	}
	return int64(len(data))
}

// Position converts a byte offset into a 1-based line and column.
func Position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	before := data[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(offset) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// JSONError rewrites an encoding/json error into "file:line:col: message",
// naming the field for type mismatches.
func JSONError(file string, data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		if strings.Contains(se.Error(), "unexpected end") {
			line, col := Position(data, int64(len(data)))
			return fmt.Errorf("%s:%d:%d: invalid JSON: unexpected end of input (truncated file?)", file, line, col)
		}
		// Offset counts the bytes read up to and including the bad one.
		line, col := Position(data, se.Offset-1)
		return fmt.Errorf("%s:%d:%d: invalid JSON: %s", file, line, col, se.Error())
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		line, col := Position(data, te.Offset)
		field := te.Field
		if field == "" {
			field = "(top level)"
		}
		return fmt.Errorf("%s:%d:%d: field %s: expected %s, found JSON %s", file, line, col, field, te.Type, te.Value)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		line, col := Position(data, int64(len(data)))
		return fmt.Errorf("%s:%d:%d: invalid JSON: unexpected end of input (truncated file?)", file, line, col)
	}
	return fmt.Errorf("%s: %w", file, err)
}

// Strings returns the strings of a decoded YAML or JSON list, skipping
// anything else; callers have checked the list against a schema.
func Strings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
