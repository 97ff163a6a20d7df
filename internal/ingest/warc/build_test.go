package warc

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"testing"
)

// testRecord describes a record for buildWARC.
type testRecord struct {
	version string // default "1.0"
	typ     string
	uri     string
	date    string
	ctype   string
	extra   []Field // more header fields
	block   string
	noCL    bool   // omit Content-Length
	cl      string // Content-Length override
}

// compression modes for buildWARC.
const (
	plain     = "plain"
	perRecord = "gzip-per-record"
	wholeFile = "gzip-whole-file"
)

var modes = []string{plain, perRecord, wholeFile}

// rawRecord returns the serialised record, including the trailing CRLFCRLF.
func rawRecord(r testRecord) []byte {
	var b bytes.Buffer
	v := r.version
	if v == "" {
		v = "1.0"
	}
	fmt.Fprintf(&b, "WARC/%s\r\n", v)
	if r.typ != "" {
		fmt.Fprintf(&b, "WARC-Type: %s\r\n", r.typ)
	}
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n", len(r.block))
	if r.date != "" {
		fmt.Fprintf(&b, "WARC-Date: %s\r\n", r.date)
	}
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	if r.ctype != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", r.ctype)
	}
	for _, f := range r.extra {
		fmt.Fprintf(&b, "%s: %s\r\n", f.Name, f.Value)
	}
	switch {
	case r.cl != "":
		fmt.Fprintf(&b, "Content-Length: %s\r\n", r.cl)
	case !r.noCL:
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(r.block))
	}
	b.WriteString("\r\n")
	b.WriteString(r.block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func gzipBytes(t testing.TB, p []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(p); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// buildWARC serialises recs in the given mode and returns the file and the
// offset at which each record (or its gzip member) starts.
func buildWARC(t testing.TB, mode string, recs ...testRecord) ([]byte, []int64) {
	t.Helper()
	var out bytes.Buffer
	var offs []int64
	for _, r := range recs {
		raw := rawRecord(r)
		switch mode {
		case perRecord:
			offs = append(offs, int64(out.Len()))
			out.Write(gzipBytes(t, raw))
		case wholeFile:
			offs = append(offs, 0)
			out.Write(raw)
		default:
			offs = append(offs, int64(out.Len()))
			out.Write(raw)
		}
	}
	if mode == wholeFile {
		return gzipBytes(t, out.Bytes()), offs
	}
	return out.Bytes(), offs
}
