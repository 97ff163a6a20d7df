package warc

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
)

// countingReader counts the bytes read from the input.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// isGzip reports whether b starts with the gzip magic bytes.
func isGzip(b []byte) bool {
	return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b
}

// memberStart records where a gzip member begins, in decompressed and in
// compressed (input) coordinates.
type memberStart struct {
	dec, comp int64
}

// memberReader decompresses a sequence of gzip members one at a time
// (Multistream(false)), so that it knows where each member starts in the
// input. It reads the input through a bufio.Reader, which is an
// io.ByteReader, so the decompressor never reads past the end of a member.
type memberReader struct {
	raw      *bufio.Reader   // compressed input
	cnt      *countingReader // under raw
	gz       *gzip.Reader
	inMember bool
	cur      int64         // input offset of the current member
	out      int64         // decompressed bytes returned so far
	starts   []memberStart // recent member starts, oldest first
	err      error         // sticky
}

func newMemberReader(raw *bufio.Reader, cnt *countingReader) *memberReader {
	return &memberReader{raw: raw, cnt: cnt}
}

// rawOffset is the input offset of the next compressed byte.
func (m *memberReader) rawOffset() int64 { return m.cnt.n - int64(m.raw.Buffered()) }

func (m *memberReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, m.err
	}
	for m.err == nil {
		if !m.inMember {
			m.err = m.startMember()
			continue
		}
		n, err := m.gz.Read(p)
		m.out += int64(n)
		switch {
		case err == io.EOF:
			m.inMember = false
		case err == io.ErrUnexpectedEOF:
			m.err = fmt.Errorf("truncated gzip member (starting at offset %d): %w", m.cur, io.ErrUnexpectedEOF)
		case err != nil:
			m.err = fmt.Errorf("gzip member at offset %d: %w", m.cur, err)
		}
		if n > 0 {
			return n, nil // any error is reported by the next call
		}
	}
	return 0, m.err
}

// startMember begins decompressing the next member, or returns io.EOF at the
// clean end of the input.
func (m *memberReader) startMember() error {
	off := m.rawOffset()
	b, err := m.raw.Peek(2)
	if len(b) == 0 && err == io.EOF {
		return io.EOF
	}
	if err != nil && err != io.EOF {
		return fmt.Errorf("offset %d: reading input: %w", off, err)
	}
	m.cur = off
	if !isGzip(b) {
		return fmt.Errorf("data at offset %d, after a gzip member, is not a gzip member (starts % x)", off, b)
	}
	if m.gz == nil {
		m.gz, err = gzip.NewReader(m.raw)
	} else {
		err = m.gz.Reset(m.raw)
	}
	if err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return fmt.Errorf("truncated gzip header at offset %d: %w", off, io.ErrUnexpectedEOF)
		}
		return fmt.Errorf("gzip member at offset %d: %w", off, err)
	}
	m.gz.Multistream(false)
	m.inMember = true
	m.starts = append(m.starts, memberStart{dec: m.out, comp: off})
	return nil
}

// memberAt returns the input offset of the member holding decompressed
// position pos, and forgets members that end before it (positions only move
// forward).
func (m *memberReader) memberAt(pos int64) int64 {
	i := -1
	for j, s := range m.starts {
		if s.dec <= pos {
			i = j
		}
	}
	if i < 0 {
		return -1
	}
	off := m.starts[i].comp
	m.starts = append(m.starts[:0], m.starts[i:]...)
	return off
}
