package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/ingest/fetch"
)

// Options configures a walk over inputs.
type Options struct {
	// MaxDocBytes caps one document (a text or HTML file, a feed, a JSON
	// line, a WARC record payload). Default 16 MiB.
	MaxDocBytes int64
	// Fetch configures http(s) inputs (SSRF policy, timeouts, size cap).
	Fetch fetch.Options
	// Stdin is read for the input "-".
	Stdin io.Reader

	// sizeHint, when positive, is the expected size of the stream being
	// read (a plain file's size; a gzip file's stated uncompressed size),
	// so a whole document is read into one buffer of the right size
	// instead of one grown by doubling (two thirds of the bytes allocated,
	// and copied, were otherwise thrown away).
	sizeHint int64
}

// Handler receives what a walk finds.
type Handler interface {
	// Document is called for each document. An error stops the walk
	// (use it for fatal problems such as a failing store).
	Document(Document) error
	// Problem is called for each bad input or bad item; the walk goes on.
	Problem(*InputError)
	// InputDone is called when one top-level input (file, URL, stdin) has
	// been read to its end, successfully or not.
	InputDone(origin string)
}

func (o *Options) defaults() {
	if o.MaxDocBytes <= 0 {
		o.MaxDocBytes = 16 << 20
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
}

// Expand lists the top-level inputs named by args: folders are walked
// recursively (hidden entries skipped) in lexical order; "-" and URLs are
// kept as they are. A missing path is reported through h.Problem.
func Expand(args []string, h Handler) []string {
	var out []string
	for _, a := range args {
		if a == "-" || isURL(a) {
			out = append(out, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			h.Problem(&InputError{Origin: a, Err: cleanPathErr(err)})
			continue
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		var files []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				h.Problem(&InputError{Origin: p, Err: cleanPathErr(err)})
				return nil
			}
			if p != a && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			h.Problem(&InputError{Origin: a, Err: err})
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out
}

// Walk reads every input (as returned by Expand) and hands its documents
// and problems to h. It returns early only when ctx is cancelled or
// h.Document fails.
func Walk(ctx context.Context, inputs []string, o Options, h Handler) error {
	o.defaults()
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := walkOne(ctx, in, o, h)
		h.InputDone(in)
		if err := report(in, err, h); err != nil {
			return err
		}
	}
	return nil
}

// report hands an input's error to h as a problem, unless it is the
// handler's own error, which ends the walk and is returned.
func report(origin string, err error, h Handler) error {
	var ie *InputError
	switch {
	case err == nil:
	case errors.As(err, &ie):
		h.Problem(ie)
	case errors.Is(err, errStop):
		return errors.Unwrap(err)
	default:
		h.Problem(&InputError{Origin: origin, Err: err})
	}
	return nil
}

// errStop wraps a handler's error so the walk ends.
var errStop = errors.New("stop")

type stopError struct{ err error }

func (e stopError) Error() string        { return e.err.Error() }
func (e stopError) Is(target error) bool { return target == errStop }
func (e stopError) Unwrap() error        { return e.err }

func walkOne(ctx context.Context, in string, o Options, h Handler) error {
	switch {
	case in == "-":
		return readStream(ctx, "stdin", "", o.Stdin, o, h)
	case isURL(in):
		resp, err := fetch.Get(ctx, in, o.Fetch)
		if err != nil {
			return err
		}
		return readBytes(ctx, in, resp.URL, resp.Body, o, h, resp)
	default:
		f, err := os.Open(in)
		if err != nil {
			return cleanPathErr(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			o.sizeHint = st.Size()
		}
		return readStream(ctx, in, "", f, o, h)
	}
}

func readBytes(ctx context.Context, origin, url string, b []byte, o Options, h Handler, resp *fetch.Response) error {
	r := strings.NewReader(string(b))
	o.sizeHint = int64(len(b))
	return readStreamFetched(ctx, origin, url, r, o, h, resp)
}

func readStream(ctx context.Context, origin, url string, r io.Reader, o Options, h Handler) error {
	return readStreamFetched(ctx, origin, url, r, o, h, nil)
}

// readStreamFetched sniffs the stream and dispatches it to its reader.
func readStreamFetched(ctx context.Context, origin, url string, r io.Reader, o Options, h Handler, resp *fetch.Response) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return readErr(err)
	}
	if len(head) == 0 {
		return ErrEmpty
	}
	if isGzipMagic(head) {
		// Look inside without consuming br: a WARC must be handed over
		// from its first byte, as its reader handles gzip members itself.
		if isGzipWARC(head) {
			return readWARC(ctx, origin, br, o, h)
		}
		o.sizeHint = gzipSizeHint(r, o.sizeHint)
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("gzip: %v", err)
		}
		zbr := bufio.NewReaderSize(zr, 64<<10)
		inner, err := zbr.Peek(4096)
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return fmt.Errorf("gzip: %v", gzipErr(err))
		}
		if len(inner) == 0 {
			return fmt.Errorf("gzip: %w", ErrEmpty)
		}
		if isGzipMagic(inner) {
			return errors.New("gzip inside gzip is not read")
		}
		return dispatch(ctx, origin, url, zbr, inner, o, h, resp, true)
	}
	return dispatch(ctx, origin, url, br, head, o, h, resp, false)
}

func dispatch(ctx context.Context, origin, url string, br *bufio.Reader, head []byte, o Options, h Handler, resp *fetch.Response, gz bool) error {
	format := Sniff(head)
	if resp != nil && format == FormatText && strings.Contains(resp.ContentType, "html") {
		format = FormatHTML
	}
	switch format {
	case FormatWARC:
		return readWARC(ctx, origin, br, o, h)
	case FormatJSONL:
		return readJSONL(ctx, origin, br, o, h, gz)
	}
	body, err := readAllCappedHint(br, o.MaxDocBytes, gz, o.sizeHint)
	if err != nil {
		return err
	}
	doc := Document{Origin: origin, URL: url}
	if resp != nil {
		doc.Fetched = resp.Fetched
	}
	switch format {
	case FormatFeed:
		return readFeed(origin, body, o, h)
	case FormatHTML:
		doc.MediaType, doc.Body = MediaHTML, body
	case FormatBinary:
		return ErrBinary
	default:
		text, enc, err := decodeText(body)
		if err != nil {
			return err
		}
		if enc != "" {
			// UTF-16 may carry markup or a feed: sniff again, decoded.
			if f := Sniff([]byte(text)); f == FormatHTML || f == FormatFeed {
				if f == FormatFeed {
					return readFeed(origin, []byte(text), o, h)
				}
				doc.MediaType, doc.Body, doc.Encoding = MediaHTML, []byte(text), enc
				break
			}
		}
		doc.MediaType, doc.Body, doc.Encoding = MediaText, []byte(text), enc
	}
	if err := h.Document(doc); err != nil {
		return stopError{err}
	}
	return nil
}

// readAllCapped reads the rest of br, failing when it exceeds max bytes.
func readAllCapped(br io.Reader, max int64, gz bool) ([]byte, error) {
	return readAllCappedHint(br, max, gz, 0)
}

// readAllCappedHint is readAllCapped into a buffer sized for hint bytes
// (a hint only: a wrong one costs a larger or a grown buffer, nothing else).
func readAllCappedHint(br io.Reader, max int64, gz bool, hint int64) ([]byte, error) {
	var b []byte
	var err error
	if hint > 0 && hint <= max {
		b, err = readAllInto(make([]byte, 0, hint+1), io.LimitReader(br, max+1))
	} else {
		b, err = io.ReadAll(io.LimitReader(br, max+1))
	}
	if err != nil {
		if gz {
			return nil, fmt.Errorf("gzip: %v", gzipErr(err))
		}
		return nil, readErr(err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: over %s (limit %s; raise it with --max-doc-size)", ErrTooLarge, human(max), human(max))
	}
	return b, nil
}

// readAllInto is io.ReadAll appending to b: with b's capacity one byte
// more than the stream, the stream is read without growing b.
func readAllInto(b []byte, r io.Reader) ([]byte, error) {
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grow as ReadAll does
		}
	}
}

// gzipSizeHint returns the uncompressed size a gzip file states in its
// last four bytes (ISIZE: the size of its last member modulo 2^32), when
// r is a file of compressed size compressed; 0 when it cannot be read or
// is implausible (deflate expands at most about 1,032 times).
func gzipSizeHint(r io.Reader, compressed int64) int64 {
	f, ok := r.(io.ReaderAt)
	if !ok || compressed < 18 {
		return 0
	}
	var tail [4]byte
	if _, err := f.ReadAt(tail[:], compressed-4); err != nil {
		return 0
	}
	n := int64(binary.LittleEndian.Uint32(tail[:]))
	if n > compressed*1032 {
		return 0
	}
	return n
}

func gzipErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("truncated gzip data (unexpected end of file)")
	}
	return err
}

func readErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("truncated data (unexpected end of file)")
	}
	return err
}

func isGzipMagic(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// cleanPathErr drops the *PathError's repetition of the path.
func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func human(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// isGzipWARC decompresses the start of a gzip stream from the peeked bytes
// and reports whether it begins a WARC file.
func isGzipWARC(head []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	buf := make([]byte, 5)
	n, _ := io.ReadFull(zr, buf)
	return string(buf[:n]) == "WARC/"
}

// ReadFetched reads a body fetched from origin (a URL) as one input, as
// Walk reads an http(s) input: for callers that fetch themselves, such as
// a feed poller sending conditional requests.
func ReadFetched(ctx context.Context, origin string, resp *fetch.Response, o Options, h Handler) error {
	o.defaults()
	err := readBytes(ctx, origin, resp.URL, resp.Body, o, h, resp)
	h.InputDone(origin)
	return report(origin, err, h)
}
