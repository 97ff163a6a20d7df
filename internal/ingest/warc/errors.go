package warc

import (
	"errors"
	"fmt"
)

// ErrNotWARC is returned (wrapped in an *Error) when the input does not start
// with a WARC version line.
var ErrNotWARC = errors.New(`not a WARC file (missing "WARC/" version line)`)

// ErrHeaderTooLarge is returned (wrapped) when a record's header section
// exceeds MaxHeaderBytes.
var ErrHeaderTooLarge = errors.New("header section too large")

// errStale is returned by a record body read after the next call to Next.
var errStale = errors.New("warc: record body read after Reader.Next")

// Error describes a failure while reading a WARC stream. It records which
// record was being read and where it starts, so that a damaged file can be
// located and the damage reported.
type Error struct {
	Record int   // 1-based number of the record being read; 0 when not known
	Offset int64 // input offset of that record (see Record.Offset); -1 when not known
	Err    error // what went wrong
}

func (e *Error) Error() string {
	switch {
	case e.Record > 0 && e.Offset >= 0:
		return fmt.Sprintf("warc: record %d at offset %d: %v", e.Record, e.Offset, e.Err)
	case e.Record > 0:
		return fmt.Sprintf("warc: record %d: %v", e.Record, e.Err)
	default:
		return "warc: " + e.Err.Error()
	}
}

// Unwrap returns the underlying error, so that errors.Is works with
// io.ErrUnexpectedEOF, ErrNotWARC, ErrHeaderTooLarge and gzip errors.
func (e *Error) Unwrap() error { return e.Err }
