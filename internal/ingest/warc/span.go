package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
)

// Span is a stretch of a WARC file that can be read on its own: the bytes
// of one or more whole records (in a .warc.gz, whole gzip members), or a
// damaged stretch no record could be read from.
type Span struct {
	Offset, Length int64
	// Records is how many records start in the span (0 for damage).
	Records int
	// Err says what is wrong with a damaged span (nil for records).
	Err error
	// Packed says a gzip member of the span holds more than one record
	// (a file gzipped whole is one such member).
	Packed bool
}

// Scan reads the records of the section [off, end) of a WARC file and
// calls rec for each, in order (its Offset is the file offset; its Body
// may be read until rec returns). A record handed over may turn out
// damaged only later (a gzip member's checksum is checked at its end):
// dmg is then called with a span that starts at or before its Offset, and
// a caller that must not take a damaged record holds what it read until
// the next record starts at a later offset. Damage does not end the scan: dmg is
// called with the damaged stretch, from the record (or gzip member) the
// reader failed on to the next place a record starts again — the next
// gzip member that decompresses to a WARC version line when gz is set
// (the file starts with a gzip member), else the next line that starts
// with "WARC/" — and the scan goes on from there. An error returned by
// rec or dmg ends the scan and is returned; so is a failure to read r.
//
// The section should start where a record (or member) starts: at 0, or at
// an Offset of a Span that Spans returned for the same file.
func Scan(r io.ReaderAt, off, end int64, gz bool, rec func(*Record) error, dmg func(Span) error) error {
	pos := off
	for pos < end {
		wr, err := NewReader(io.NewSectionReader(r, pos, end-pos))
		var bad int64 // where the damage starts
		var why error
		if err != nil {
			bad, why = pos, err
		} else {
			for {
				rc, err := wr.Next()
				if err == io.EOF {
					return nil
				}
				if err != nil {
					bad, why = pos, err
					var we *Error
					if errors.As(err, &we) {
						if we.Offset >= 0 {
							bad = pos + we.Offset
						}
						// the reader's record numbers and offsets count
						// from pos: name the damage by its file offset
						why = &Error{Record: 0, Offset: bad, Err: we.Err}
					}
					break
				}
				rc.Offset += pos
				if err := rec(rc); err != nil {
					return err
				}
			}
		}
		next := resync(r, bad+1, end, gz)
		if err := dmg(Span{Offset: bad, Length: next - bad, Err: why}); err != nil {
			return err
		}
		pos = next
	}
	return nil
}

// resync returns the first offset in [from, end) where a record starts
// again, or end.
func resync(r io.ReaderAt, from, end int64, gz bool) int64 {
	const chunk = 64 << 10
	pat, lead := []byte("\nWARC/"), int64(1) // a version line starts after a newline
	if gz {
		pat, lead = []byte{0x1f, 0x8b, 0x08}, 0
	}
	buf := make([]byte, chunk+16)
	for p := from - lead; p < end; p += chunk {
		n, _ := r.ReadAt(buf[:min(int64(len(buf)), end-p)], max(p, 0))
		if n == 0 {
			return end
		}
		b := buf[:n]
		for i := 0; ; {
			j := bytes.Index(b[i:], pat)
			if j < 0 {
				break
			}
			at := p + int64(i+j) + lead // where the record would start
			if at >= from && (gz && gzipWARCAt(r, at, end) || !gz && looksLikeVersion(b[i+j+1:])) {
				return at
			}
			i += j + 1
		}
		if int64(n) < min(int64(len(buf)), end-p) {
			return end
		}
	}
	return end
}

// looksLikeVersion reports whether b starts like a WARC version line
// ("WARC/1.0", "WARC/0.18").
func looksLikeVersion(b []byte) bool {
	if !bytes.HasPrefix(b, []byte("WARC/")) {
		return false
	}
	b = b[len("WARC/"):]
	return len(b) >= 3 && b[0] >= '0' && b[0] <= '9' && b[1] == '.' && b[2] >= '0' && b[2] <= '9'
}

// gzipWARCAt reports whether a gzip member at off decompresses to a WARC
// version line.
func gzipWARCAt(r io.ReaderAt, off, end int64) bool {
	zr, err := gzip.NewReader(io.NewSectionReader(r, off, end-off))
	if err != nil {
		return false
	}
	var head [8]byte
	n, _ := io.ReadFull(zr, head[:])
	return looksLikeVersion(head[:n])
}

// Spans splits the WARC file r of size bytes into spans that tile it:
// each holds whole records (whole gzip members), at most maxRecords
// records, and is closed at the first record start at or past maxBytes
// from its own (zero: no limit); a damaged stretch (see Scan) is a span of its own.
// A file gzipped whole, as one member, is one span: it cannot be split.
func Spans(r io.ReaderAt, size int64, maxBytes int64, maxRecords int) ([]Span, error) {
	var magic [2]byte
	n, _ := r.ReadAt(magic[:], 0)
	gz := isGzip(magic[:n])
	var out []Span
	cur := Span{Offset: 0}
	// close ends the current span at off.
	close := func(off int64) {
		if off > cur.Offset {
			cur.Length = off - cur.Offset
			out = append(out, cur)
		}
		cur = Span{Offset: off}
	}
	last, atLast := int64(-1), 0 // start of the last record (member) seen, and its records
	err := Scan(r, 0, size, gz, func(rec *Record) error {
		if rec.Offset == last {
			cur.Records++ // another record of the same gzip member
			cur.Packed = true
			atLast++
			return nil
		}
		if cur.Records > 0 && (maxRecords > 0 && cur.Records >= maxRecords || maxBytes > 0 && rec.Offset-cur.Offset >= maxBytes) {
			close(rec.Offset)
		}
		last, atLast = rec.Offset, 1
		cur.Records++
		return nil
	}, func(d Span) error {
		if last >= d.Offset {
			// the damage lies in the last record (member) handed over:
			// it is no record
			cur.Records -= atLast
		}
		if cur.Records > 0 {
			close(d.Offset)
		} else {
			// no record before the damage in this span: it is damage too
			d.Length += d.Offset - cur.Offset
			d.Offset = cur.Offset
		}
		out = append(out, d)
		cur = Span{Offset: d.Offset + d.Length}
		last, atLast = -1, 0
		return nil
	})
	if err != nil {
		return nil, err
	}
	close(size)
	return out, nil
}
