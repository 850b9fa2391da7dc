package bundles

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	kgzip "github.com/klauspost/compress/gzip"
)

// Limits bound what ReadArchive accepts, so a hostile archive (a gzip bomb,
// a huge entry, millions of entries) is refused before it exhausts memory.
// Zero fields take the defaults.
type Limits struct {
	// MaxEntryBytes bounds one file.
	MaxEntryBytes int64
	// MaxTotalBytes bounds the decompressed archive.
	MaxTotalBytes int64
	// MaxEntries bounds the number of entries.
	MaxEntries int
}

// Default limits: a 10,000-resource plan gives about 40 MiB of facts.
const (
	DefaultMaxEntryBytes = 512 << 20
	DefaultMaxTotalBytes = 1 << 30
	DefaultMaxEntries    = 64
)

func (l Limits) withDefaults() Limits {
	if l.MaxEntryBytes <= 0 {
		l.MaxEntryBytes = DefaultMaxEntryBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = DefaultMaxTotalBytes
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = DefaultMaxEntries
	}
	return l
}

// Archive is a bundle read into memory. Nothing is ever extracted to disk.
type Archive struct {
	// Files holds every entry by its path.
	Files map[string][]byte
	// Order lists the paths in archive order.
	Order []string
	// compressed is the archive as ReadArchive read it, when it was at
	// most maxKeptCompressed bytes: a replay that released report.json
	// reads it again from here (reread) to say where a replay differs.
	compressed []byte
}

// maxKeptCompressed bounds the compressed archive ReadArchive keeps; a
// bundle compresses well (a 200 MB one to about 11 MB).
const maxKeptCompressed = 64 << 20

// keeper keeps what is written to it while it stays within max bytes,
// and nothing once it grows beyond.
type keeper struct {
	buf  []byte
	max  int
	over bool
}

func (k *keeper) Write(p []byte) (int, error) {
	if k.over {
		return len(p), nil
	}
	if len(k.buf)+len(p) > k.max {
		k.buf, k.over = nil, true
		return len(p), nil
	}
	k.buf = append(k.buf, p...)
	return len(p), nil
}

// reread reads the file name again from the archive as it was read,
// without keeping the others, and checks that its sha256 is want.
func (a *Archive) reread(name, want string) ([]byte, error) {
	if a.compressed == nil {
		return nil, fmt.Errorf("%s was released and the archive was not kept", name)
	}
	gz, err := gzip.NewReader(bytes.NewReader(a.compressed))
	if err != nil {
		return nil, fmt.Errorf("read %s again: %w", name, err)
	}
	defer gz.Close()
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err != nil {
			return nil, fmt.Errorf("read %s again: %w", name, err)
		}
		if hdr.Name != name {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, hdr.Size))
		if err != nil {
			return nil, fmt.Errorf("read %s again: %w", name, err)
		}
		if got := sha256Hex(b); got != want {
			return nil, fmt.Errorf("read %s again: sha256 %s, not the verified %s", name, got, want)
		}
		return b, nil
	}
}

// FormatError says the archive cannot be read at all: it is not a gzip
// tar, it is truncated, or it exceeds a limit.
type FormatError struct{ Err error }

func (e *FormatError) Error() string { return e.Err.Error() }
func (e *FormatError) Unwrap() error { return e.Err }

// VerificationError lists why a readable bundle is not what was signed.
type VerificationError struct{ Problems []string }

func (e *VerificationError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0]
	}
	return fmt.Sprintf("%d problems: %s", len(e.Problems), strings.Join(e.Problems, "; "))
}

func failed(format string, args ...any) *VerificationError {
	return &VerificationError{Problems: []string{fmt.Sprintf(format, args...)}}
}

// ReadArchive reads a gzip-compressed tar into memory within lim. An entry
// that is not a regular file, or whose path is absolute, climbs out with
// "..", or is not in canonical form, makes it a *VerificationError: no
// bundle annexa writes has one. A stream that is not a readable archive
// within the limits is a *FormatError.
func ReadArchive(r io.Reader, lim Limits) (*Archive, error) {
	lim = lim.withDefaults()
	// gzip reads through a ByteReader without reading ahead, so what
	// follows the gzip member is still there to be found.
	kept := &keeper{max: maxKeptCompressed}
	br := bufio.NewReader(io.TeeReader(r, kept))
	gz, err := gzip.NewReader(br)
	if err != nil {
		return nil, &FormatError{fmt.Errorf("not a gzip-compressed archive: %w", err)}
	}
	defer gz.Close()
	// Go reads concatenated gzip members as one stream; a bundle is one
	// member, and anything appended to it is data no signature covers.
	gz.Multistream(false)
	// The cap applies to the decompressed stream, so a gzip bomb stops here
	// however well it compresses.
	capped := &cappedReader{r: gz, max: lim.MaxTotalBytes}
	tr := tar.NewReader(capped)
	a := &Archive{Files: map[string][]byte{}}
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, archiveReadError(capped, err)
		}
		if len(a.Order) >= lim.MaxEntries {
			return nil, &FormatError{fmt.Errorf("archive has more than %d entries", lim.MaxEntries)}
		}
		if err := checkEntry(hdr); err != nil {
			return nil, err
		}
		if _, dup := a.Files[hdr.Name]; dup {
			return nil, failed("entry %q appears twice in the archive", hdr.Name)
		}
		if hdr.Size > lim.MaxEntryBytes {
			return nil, &FormatError{fmt.Errorf("entry %q is %d bytes, over the %d byte limit for one file", hdr.Name, hdr.Size, lim.MaxEntryBytes)}
		}
		b, err := io.ReadAll(io.LimitReader(tr, hdr.Size))
		if err != nil {
			return nil, archiveReadError(capped, err)
		}
		a.Files[hdr.Name] = b
		a.Order = append(a.Order, hdr.Name)
	}
	// Read to the end of the gzip member so its checksum is checked and a
	// cut-off archive is noticed even after the last entry. After the tar
	// end-of-archive blocks only zero padding may follow.
	trailing, err := anyNonZero(capped)
	if err != nil {
		return nil, archiveReadError(capped, err)
	}
	if trailing {
		return nil, &FormatError{errors.New("data follows the end of the tar archive inside the gzip stream; a bundle holds nothing after its last entry")}
	}
	switch next, err := br.Peek(2); {
	case len(next) == 2 && next[0] == 0x1f && next[1] == 0x8b:
		return nil, &FormatError{errors.New("a second gzip member follows the bundle's; a bundle is one gzip stream")}
	case len(next) > 0:
		return nil, &FormatError{errors.New("data follows the end of the gzip stream; a bundle ends with it")}
	case err != nil && !errors.Is(err, io.EOF):
		return nil, &FormatError{fmt.Errorf("read after the gzip stream: %w", err)}
	}
	a.compressed = kept.buf
	return a, nil
}

// anyNonZero reads r to its end and reports whether any byte was not zero.
func anyNonZero(r io.Reader) (bool, error) {
	buf := make([]byte, 32<<10)
	found := false
	for {
		n, err := r.Read(buf)
		for _, b := range buf[:n] {
			found = found || b != 0
		}
		if errors.Is(err, io.EOF) {
			return found, nil
		}
		if err != nil {
			return found, err
		}
	}
}

func archiveReadError(c *cappedReader, err error) error {
	switch {
	case c.exceeded:
		return &FormatError{fmt.Errorf("archive decompresses to more than %d bytes (a gzip bomb?)", c.max)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &FormatError{errors.New("archive is truncated")}
	case errors.Is(err, gzip.ErrChecksum):
		return &FormatError{errors.New("archive is corrupt: gzip checksum mismatch")}
	}
	return &FormatError{fmt.Errorf("archive is not a readable tar: %w", err)}
}

// checkEntry admits regular files with canonical relative paths only.
func checkEntry(hdr *tar.Header) error {
	name := hdr.Name
	switch hdr.Typeflag {
	case tar.TypeReg:
	case tar.TypeSymlink:
		return failed("entry %q is a symbolic link (to %q); a bundle holds regular files only", name, hdr.Linkname)
	case tar.TypeLink:
		return failed("entry %q is a hard link (to %q); a bundle holds regular files only", name, hdr.Linkname)
	case tar.TypeDir:
		return failed("entry %q is a directory; a bundle holds regular files at its root only", name)
	default:
		return failed("entry %q has tar type %q; a bundle holds regular files only", name, hdr.Typeflag)
	}
	switch {
	case strings.HasPrefix(name, "/"):
		return failed("entry %q has an absolute path", name)
	case name == ".." || strings.HasPrefix(name, "../") || strings.Contains(name, "/../") || strings.HasSuffix(name, "/.."):
		return failed("entry %q climbs out of the bundle with \"..\"", name)
	case strings.ContainsRune(name, '\\'):
		return failed("entry %q has a backslash in its path", name)
	case !fs.ValidPath(name) || name == ".":
		return failed("entry %q is not a clean relative path", name)
	}
	return nil
}

// cappedReader fails once more than max bytes have been read.
type cappedReader struct {
	r        io.Reader
	max, n   int64
	exceeded bool
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.n >= c.max {
		// Probe one byte: only data beyond the limit is an error.
		var one [1]byte
		if n, err := c.r.Read(one[:]); n == 0 {
			return 0, err
		}
		c.exceeded = true
		return 0, errors.New("size limit exceeded")
	}
	if int64(len(p)) > c.max-c.n {
		p = p[:c.max-c.n]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// archiveFile is one file to write: its data, or when packed is set, the
// file rendered ahead and held compressed.
type archiveFile struct {
	path   string
	data   []byte
	packed *PackedFile
}

func (f archiveFile) size() int64 {
	if f.packed != nil {
		return f.packed.size
	}
	return int64(len(f.data))
}

// info is the file's entry in the manifest and the statement's subjects.
func (f archiveFile) info() FileInfo {
	if f.packed != nil {
		return FileInfo{Path: f.path, Size: f.packed.size, SHA256: f.packed.sha256}
	}
	return fileInfo(f.path, f.data)
}

// copyTo writes the file's content to w.
func (f archiveFile) copyTo(w io.Writer) error {
	if f.packed == nil {
		_, err := w.Write(f.data)
		return err
	}
	r := f.packed.open()
	defer r.Close()
	n, err := io.Copy(w, r)
	if err == nil && n != f.packed.size {
		err = fmt.Errorf("read back %d bytes of %d", n, f.packed.size)
	}
	return err
}

// writeArchive writes files, in the order given, as a gzip-compressed tar
// with fixed metadata, so the same content gives the same bytes.
// It refuses, before writing anything, files that ReadArchive would refuse
// within lim: the writer never writes a bundle its reader will not read.
func writeArchive(w io.Writer, files []archiveFile, lim Limits) error {
	if err := checkArchive(files, lim); err != nil {
		return err
	}
	// klauspost's gzip writes the same format as the standard library's,
	// at the same level, in about half its time: a bundle of 50k facts is
	// some 100 MB of JSON to compress after the run.
	gz := kgzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		hdr := &tar.Header{
			Name:     f.path,
			Mode:     0o644,
			Size:     f.size(),
			Typeflag: tar.TypeReg,
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return fmt.Errorf("write %s: %w", f.path, err)
		}
		if err := f.copyTo(tw); err != nil {
			return fmt.Errorf("write %s: %w", f.path, err)
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

// tarBlock is the unit of a tar stream: each entry is a header block and
// its data padded to whole blocks, and two zero blocks end the archive.
const tarBlock = 512

// checkArchive refuses files that ReadArchive would refuse within lim.
func checkArchive(files []archiveFile, lim Limits) error {
	lim = lim.withDefaults()
	if len(files) > lim.MaxEntries {
		return fmt.Errorf("%d files, over the %d a bundle may hold", len(files), lim.MaxEntries)
	}
	total := int64(2 * tarBlock)
	for _, f := range files {
		n := f.size()
		if n > lim.MaxEntryBytes {
			return fmt.Errorf("%s is %d bytes, over the %d byte limit for one file of a bundle that verify reads", f.path, n, lim.MaxEntryBytes)
		}
		total += tarBlock + (n+tarBlock-1)/tarBlock*tarBlock
	}
	if total > lim.MaxTotalBytes {
		return fmt.Errorf("the bundle would be %d bytes uncompressed, over the %d byte limit that verify reads", total, lim.MaxTotalBytes)
	}
	return nil
}
