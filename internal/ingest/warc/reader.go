// Package warc reads WARC (Web ARChive) files as a stream of records, the
// way archive/tar reads tar files.
//
// It reads WARC 1.0 and 1.1 and tolerates the 0.17 and 0.18 drafts (whose
// records have the same shape). Input may be a plain .warc, a .warc.gz made
// of one gzip member per record (the usual case), or a whole file gzipped as
// one member; compression is detected from the magic bytes, not the name.
// Memory stays bounded whatever the file size: record blocks are streamed,
// and unread blocks are skipped without being buffered. HTTPResponse parses
// the HTTP message held in a response record's block.
package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// MaxHeaderBytes caps the size of a record's header section (version line
// and fields). Larger header sections are rejected with ErrHeaderTooLarge.
const MaxHeaderBytes = 1 << 20

const bufSize = 64 << 10

// Reader reads records from a WARC stream.
type Reader struct {
	br      *bufio.Reader   // uncompressed WARC bytes
	cnt     *countingReader // raw input, counted
	gz      *memberReader   // nil for uncompressed input
	nrec    int             // records started so far
	lastOff int64           // offset of the last record started
	body    *blockReader    // block of the last record returned
	err     error           // sticky
	line    []byte          // scratch for long header lines
}

// NewReader returns a Reader reading WARC records from r, which may be
// gzip-compressed. It fails if the input is neither empty nor starts with a
// WARC version line (after decompression).
func NewReader(r io.Reader) (*Reader, error) {
	cnt := &countingReader{r: r}
	raw := bufio.NewReaderSize(cnt, bufSize)
	wr := &Reader{cnt: cnt, br: raw}
	magic, err := raw.Peek(2)
	if err != nil && err != io.EOF {
		return nil, &Error{Err: fmt.Errorf("reading input: %w", err)}
	}
	if isGzip(magic) {
		wr.gz = newMemberReader(raw, cnt)
		wr.br = bufio.NewReaderSize(wr.gz, bufSize)
	}
	if err := wr.skipBlank(); err != nil {
		if err == io.EOF {
			return wr, nil // no records; Next returns io.EOF
		}
		return nil, &Error{Err: err}
	}
	b, _ := wr.br.Peek(16)
	if !bytes.HasPrefix(b, []byte("WARC/")) {
		return nil, &Error{Err: fmt.Errorf("%w; input starts with %q", ErrNotWARC, b)}
	}
	return wr, nil
}

// Next advances to the next record and returns it. It skips whatever the
// caller left unread of the previous record's block. At the clean end of
// the input it returns io.EOF. Errors are sticky and are *Error values that
// name the record and its offset.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	rec, err := r.next()
	if err != nil {
		r.err = err
	}
	return rec, err
}

func (r *Reader) next() (*Record, error) {
	if b := r.body; b != nil {
		r.body = nil
		b.stale = true
		if err := b.skip(); err != nil {
			return nil, err
		}
	}
	// The previous block is followed by CRLF CRLF; tolerate LF-only and
	// extra blank lines.
	if err := r.skipBlank(); err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		if r.gz != nil && r.nrec > 0 && r.gz.cur == r.lastOff {
			// The damage lies in the previous record's own gzip member,
			// after its block (e.g. its trailer): report it against that
			// record.
			return nil, &Error{Record: r.nrec, Offset: r.lastOff, Err: fmt.Errorf("after block: %w", err)}
		}
		off := r.offset()
		if r.gz != nil {
			off = r.gz.cur // the member that failed to decompress
		}
		return nil, &Error{Record: r.nrec + 1, Offset: off, Err: err}
	}
	r.nrec++
	rec := &Record{Offset: r.offset()}
	r.lastOff = rec.Offset
	fail := func(err error) (*Record, error) {
		return nil, &Error{Record: r.nrec, Offset: rec.Offset, Err: err}
	}

	if cap(r.line) > bufSize {
		r.line = nil // do not hold on to the scratch of a huge header
	}
	budget := MaxHeaderBytes
	line, err := r.readLine(&budget)
	if err != nil && !(err == io.EOF && len(line) > 0) {
		return fail(headerErr(err))
	}
	line = trimEOL(line)
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		if r.nrec == 1 {
			return fail(fmt.Errorf("%w; input starts with %q", ErrNotWARC, clip(line)))
		}
		return fail(fmt.Errorf("expected a WARC version line, found %q", clip(line)))
	}
	if err != nil { // version line ended by EOF
		return fail(headerErr(io.ErrUnexpectedEOF))
	}
	rec.Version = string(bytes.TrimSpace(line[len("WARC/"):]))

	for {
		line, err := r.readLine(&budget)
		if err != nil {
			return fail(headerErr(err))
		}
		line = trimEOL(line)
		if len(line) == 0 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' { // folded continuation line
			if len(rec.Header) == 0 {
				return fail(fmt.Errorf("malformed header: continuation line %q before any field", clip(line)))
			}
			f := &rec.Header[len(rec.Header)-1]
			f.Value += " " + string(bytes.TrimSpace(line))
			continue
		}
		i := bytes.IndexByte(line, ':')
		if i <= 0 {
			return fail(fmt.Errorf("malformed header line %q", clip(line)))
		}
		rec.Header = append(rec.Header, Field{
			Name:  string(bytes.TrimSpace(line[:i])),
			Value: string(bytes.TrimSpace(line[i+1:])),
		})
	}

	cl := rec.Header.Get("Content-Length")
	if cl == "" {
		return fail(errors.New("missing Content-Length"))
	}
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return fail(fmt.Errorf("invalid Content-Length %q", clip([]byte(cl))))
	}
	rec.ContentLength = n
	rec.Type = rec.Header.Get("WARC-Type")
	rec.TargetURI = stripAngle(rec.Header.Get("WARC-Target-URI"))
	rec.Date = parseDate(rec.Header.Get("WARC-Date"))
	rec.ContentType = rec.Header.Get("Content-Type")

	r.body = &blockReader{r: r, rec: r.nrec, off: rec.Offset, want: n, left: n}
	rec.Body = r.body
	return rec, nil
}

// offset is the input offset of the next unread WARC byte: the byte offset
// itself for plain input, or the start of its gzip member.
func (r *Reader) offset() int64 {
	if r.gz == nil {
		return r.cnt.n - int64(r.br.Buffered())
	}
	return r.gz.memberAt(r.gz.out - int64(r.br.Buffered()))
}

// skipBlank consumes CR and LF bytes. It returns io.EOF at the end of input.
func (r *Reader) skipBlank() error {
	for {
		b, err := r.br.ReadByte()
		if err != nil {
			return err
		}
		if b != '\r' && b != '\n' {
			return r.br.UnreadByte()
		}
	}
}

// readLine reads one line including its terminator, charging it to budget.
// The returned slice is valid until the next read.
func (r *Reader) readLine(budget *int) ([]byte, error) {
	r.line = r.line[:0]
	for {
		frag, err := r.br.ReadSlice('\n')
		*budget -= len(frag)
		if *budget < 0 {
			return nil, fmt.Errorf("%w: more than %d bytes", ErrHeaderTooLarge, MaxHeaderBytes)
		}
		if err == bufio.ErrBufferFull {
			r.line = append(r.line, frag...)
			continue
		}
		if len(r.line) > 0 {
			r.line = append(r.line, frag...)
			frag = r.line
		}
		return frag, err
	}
}

func headerErr(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return fmt.Errorf("truncated header: %w", io.ErrUnexpectedEOF)
	}
	return err
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// clip shortens b for use in an error message.
func clip(b []byte) []byte {
	if len(b) > 64 {
		return b[:64]
	}
	return b
}
