package warc

import (
	"fmt"
	"io"
)

// blockReader reads one record block, limited to its Content-Length. It
// turns a premature end of input into a descriptive truncation error.
type blockReader struct {
	r     *Reader
	rec   int
	off   int64
	want  int64 // Content-Length
	left  int64 // bytes not yet read or skipped
	err   error // sticky
	stale bool  // set by Next: the body may no longer be read
}

func (b *blockReader) Read(p []byte) (int, error) {
	if b.stale {
		return 0, errStale
	}
	if b.err != nil {
		return 0, b.err
	}
	if b.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.br.Read(p)
	b.left -= int64(n)
	if err != nil {
		b.err = b.fail(err)
		if n > 0 {
			return n, nil
		}
		return 0, b.err
	}
	return n, nil
}

// skip discards the rest of the block without buffering it.
func (b *blockReader) skip() error {
	if b.err != nil {
		return b.err
	}
	for b.left > 0 {
		n := b.left
		if n > 1<<30 {
			n = 1 << 30
		}
		d, err := b.r.br.Discard(int(n))
		b.left -= int64(d)
		if err != nil {
			b.err = b.fail(err)
			return b.err
		}
	}
	return nil
}

// fail wraps an error met while b.left bytes were still expected.
func (b *blockReader) fail(err error) error {
	got := b.want - b.left
	if err == io.EOF {
		err = fmt.Errorf("truncated block: want %d bytes, got %d: %w", b.want, got, io.ErrUnexpectedEOF)
	} else {
		err = fmt.Errorf("reading block (%d of %d bytes read): %w", got, b.want, err)
	}
	return &Error{Record: b.rec, Offset: b.off, Err: err}
}
