package warc

import (
	"io"
	"strings"
	"time"
)

// Field is one WARC header field as it appeared in the record.
type Field struct {
	Name  string
	Value string
}

// Header holds a record's WARC header fields in their original order.
// Lookups by name are case-insensitive.
type Header []Field

// Get returns the value of the first field named name (case-insensitive),
// or "" when there is none.
func (h Header) Get(name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Values returns the values of all fields named name (case-insensitive), in
// order, or nil.
func (h Header) Values(name string) []string {
	var vs []string
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			vs = append(vs, f.Value)
		}
	}
	return vs
}

// Record is one WARC record. Its Body is valid only until the next call to
// Reader.Next.
type Record struct {
	Version       string    // version line without "WARC/", e.g. "1.0", "1.1", "0.18"
	Type          string    // WARC-Type: response, resource, request, metadata, warcinfo, revisit, conversion, continuation
	Header        Header    // all WARC header fields
	TargetURI     string    // WARC-Target-URI with any surrounding <> removed
	Date          time.Time // WARC-Date; zero if absent or unparseable
	ContentType   string    // Content-Type of the block
	ContentLength int64     // length of the block in bytes
	// Offset is where the record starts in the input: the byte offset of
	// its version line in an uncompressed file, or the offset of the gzip
	// member in which the record starts in a compressed one. For the usual
	// one-member-per-record .warc.gz it is the offset to seek to in order
	// to read this record on its own.
	Offset int64
	Body   io.Reader // the record block, limited to ContentLength
}

// dateLayouts are the W3C-DTF forms WARC-Date takes in practice (WARC 1.1
// allows fractional seconds; RFC3339Nano parses both with and without).
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02",
	"20060102150405",
}

func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

func stripAngle(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '<' && s[len(s)-1] == '>' {
		return s[1 : len(s)-1]
	}
	return s
}
