package ingest

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep/internal/ingest/warc"
)

// WARCRange is a byte range of a WARC file on a path every reader of it
// can open (a shared file system): whole records, or in a .warc.gz whole
// gzip members. A backfill of a large WARC file is cut into ranges (see
// SplitWARC) that any number of processes read with ReadWARCRange.
type WARCRange struct {
	Path   string `json:"path"` // absolute
	Offset int64  `json:"offset"`
	Length int64  `json:"length"`
	// FirstRecord is the number in the file (1-based) of the range's
	// first record: a record's document is named PATH#recordN as when the
	// whole file is read.
	FirstRecord int `json:"first_record"`
	// Records is how many records start in the range, damage excluded.
	Records int `json:"records"`
	// FileSize and CRC (CRC-32C of the range's bytes) are the file's size
	// and the range's checksum when it was cut: a reader finding either
	// changed refuses the range (ErrRangeChanged).
	FileSize int64  `json:"file_size"`
	CRC      uint32 `json:"crc32c"`
	// Outlet names the outlet of documents that do not name one.
	Outlet string `json:"outlet,omitempty"`
}

func (r WARCRange) String() string {
	return fmt.Sprintf("%s bytes %d-%d", r.Path, r.Offset, r.Offset+r.Length-1)
}

// Errors of a whole range.
var (
	// ErrRangeChanged: the file was changed (rewritten, truncated,
	// appended to in place) after the range was cut.
	ErrRangeChanged = errors.New("the file changed after the range was queued")
	// ErrRangeGone: the file cannot be opened where the range says.
	ErrRangeGone = errors.New("the file cannot be opened (gone, or not on a path this machine shares)")
	// ErrNotSplittable: a .warc.gz gzipped whole, as one member, cannot be
	// cut into ranges.
	ErrNotSplittable = errors.New("gzipped as one member: cannot be cut into ranges")
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func rangeCRC(f io.ReaderAt, off, n int64) (uint32, error) {
	h := crc32.New(castagnoli)
	if _, err := io.Copy(h, io.NewSectionReader(f, off, n)); err != nil {
		return 0, err
	}
	return h.Sum32(), nil
}

// SplitWARC cuts the WARC file at path into ranges that tile it: each
// holds whole records, at most maxRecords of them, and ends at the first
// record start at or past maxBytes from its own (zero: no limit). A
// damaged stretch of the file (see warc.Scan) goes with the range before
// it, whose reader reports it. A .warc.gz whose gzip members hold several
// records (one gzipped whole) returns ErrNotSplittable: its reader would
// have to hold a whole member's records.
func SplitWARC(path string, maxBytes int64, maxRecords int) ([]WARCRange, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, cleanPathErr(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	spans, err := warc.Spans(f, st.Size(), maxBytes, maxRecords)
	if err != nil {
		return nil, err
	}
	var out []WARCRange
	n := 1 // the next record's number
	for _, s := range spans {
		if s.Packed {
			return nil, ErrNotSplittable
		}
		if s.Err != nil && len(out) > 0 {
			out[len(out)-1].Length += s.Length
			continue
		}
		out = append(out, WARCRange{Path: abs, Offset: s.Offset, Length: s.Length, FirstRecord: n, Records: s.Records, FileSize: st.Size()})
		n += s.Records
	}
	for i := range out {
		if out[i].CRC, err = rangeCRC(f, out[i].Offset, out[i].Length); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// IsWARC reports whether the file at path is a WARC file ranges can be
// cut from: a plain WARC or a .warc.gz (not one gzipped whole is told
// apart here: SplitWARC does).
func IsWARC(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if isGzipMagic(head) {
		return isGzipWARC(head)
	}
	return Sniff(head) == FormatWARC
}

// ReadWARCRange reads the range's records and hands their documents and
// problems to h, as Walk does for the whole file: a record's problem
// (a bad HTTP message, a payload too large) and a damaged stretch (origin
// PATH#offsetN) are problems, and the other records are read. It returns
// an error, handing nothing to h, when the file is gone (ErrRangeGone)
// or changed (ErrRangeChanged); and h.Document's error, which ends the
// read. Parts gives each record's (and damaged stretch's) own range by
// its origin, so that one can be set aside (dead-lettered) alone.
func ReadWARCRange(ctx context.Context, rg WARCRange, o Options, h Handler) (parts map[string]WARCRange, err error) {
	o.defaults()
	f, err := os.Open(rg.Path)
	if err != nil {
		return nil, fmt.Errorf("%v: %w: %v", rg, ErrRangeGone, cleanPathErr(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%v: %w: %v", rg, ErrRangeGone, err)
	}
	if st.Size() != rg.FileSize {
		return nil, fmt.Errorf("%v: %w (%d bytes, %d when queued)", rg, ErrRangeChanged, st.Size(), rg.FileSize)
	}
	if sum, err := rangeCRC(f, rg.Offset, rg.Length); err != nil {
		return nil, fmt.Errorf("%v: %w", rg, err)
	} else if sum != rg.CRC {
		return nil, fmt.Errorf("%v: %w (its bytes' checksum differs)", rg, ErrRangeChanged)
	}
	var magic [2]byte
	f.ReadAt(magic[:], 0)
	gz := magic[0] == 0x1f && magic[1] == 0x8b

	parts = map[string]WARCRange{}
	end := rg.Offset + rg.Length
	// A record is held until the next starts at a later offset (or the
	// range ends): a gzip member's damage may show only after its block.
	type held struct {
		origin   string
		num      int
		offset   int64
		doc      *Document
		problems []*InputError
	}
	var pend []held
	hold := &holdHandler{Handler: h}
	part := func(origin string, off, n int64, recs int, first int) {
		p := WARCRange{Path: rg.Path, Offset: off, Length: n, FirstRecord: first, Records: recs, FileSize: rg.FileSize, Outlet: rg.Outlet}
		p.CRC, _ = rangeCRC(f, off, n)
		parts[origin] = p
	}
	num := rg.FirstRecord
	release := func(upTo int64) error {
		// the held records end where the next starts (upTo)
		for _, p := range pend {
			part(p.origin, p.offset, upTo-p.offset, 1, p.num)
			for _, ie := range p.problems {
				h.Problem(ie)
			}
			if p.doc != nil {
				if p.doc.Hints.Outlet == "" {
					p.doc.Hints.Outlet = rg.Outlet
				}
				if err := h.Document(*p.doc); err != nil {
					return stopError{err}
				}
			}
		}
		pend = pend[:0]
		return nil
	}
	err = warc.Scan(f, rg.Offset, end, gz, func(rec *warc.Record) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(pend) > 0 && rec.Offset > pend[len(pend)-1].offset {
			if err := release(rec.Offset); err != nil {
				return err
			}
		}
		origin := fmt.Sprintf("%s#record%d", rg.Path, num)
		num++
		hold.problems = nil
		doc, err := warcRecordDoc(rec, origin, o, hold)
		if err != nil {
			doc = nil // damage: Scan reports it next
		}
		pend = append(pend, held{origin: origin, num: num - 1, offset: rec.Offset, doc: doc, problems: hold.problems})
		return nil
	}, func(d warc.Span) error {
		for len(pend) > 0 && pend[len(pend)-1].offset >= d.Offset {
			pend = pend[:len(pend)-1] // damaged: part of d
			num--
		}
		if err := release(d.Offset); err != nil {
			return err
		}
		origin := fmt.Sprintf("%s#offset%d", rg.Path, d.Offset)
		part(origin, d.Offset, d.Length, 0, num)
		h.Problem(&InputError{Origin: origin, Err: fmt.Errorf("damaged WARC data (%d bytes, up to the next record): %w", d.Length, d.Err)})
		return nil
	})
	if err == nil {
		err = release(end)
	}
	if err != nil {
		if errors.Is(err, errStop) {
			return parts, errors.Unwrap(err)
		}
		return parts, fmt.Errorf("%v: %w", rg, err)
	}
	return parts, nil
}

// holdHandler keeps the problems of the record being read.
type holdHandler struct {
	Handler
	problems []*InputError
}

func (h *holdHandler) Problem(ie *InputError) { h.problems = append(h.problems, ie) }
