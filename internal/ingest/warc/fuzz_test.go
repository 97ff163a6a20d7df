package warc

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/fuzzcorpus"
)

// readerSeeds are FuzzReader's seed corpus (testdata/fuzz/FuzzReader):
// valid files in each compression, then edge and malformed ones.
func readerSeeds(tb testing.TB) map[string][]any {
	recs := []testRecord{
		{typ: "warcinfo", ctype: "application/warc-fields", block: "software: fuzz\r\n"},
		{typ: "response", uri: "<http://x/>", ctype: "application/http; msgtype=response", block: string(msg200(tb, "<p>hi</p>"))},
		{version: "1.1", typ: "resource", uri: "http://x/r", date: "2024-01-02T03:04:05.5Z", ctype: "text/plain", block: "hello"},
		{version: "0.18", typ: "metadata", block: ""},
	}
	seeds := map[string][]any{}
	for _, mode := range modes {
		data, _ := buildWARC(tb, mode, recs...)
		seeds["valid-"+mode] = []any{data}
	}
	plainHTTP := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nContent-Length: 5\r\n\r\ncaf\xe9!"
	one := func(r testRecord) []byte { return rawRecord(r) }
	for name, data := range map[string][]byte{
		"valid-http-plain":      one(testRecord{typ: "response", uri: "http://x/p", ctype: "application/http;msgtype=response", block: plainHTTP}),
		"edge-empty":            {},
		"edge-lf-only":          []byte("WARC/1.0\nContent-Length: 3\n\nabc\n\n"),
		"edge-folded-header":    []byte("WARC/1.0\r\nX: a\r\n b\r\nContent-Length: 0\r\n\r\n\r\n\r\n"),
		"edge-empty-gzip":       gzipBytes(tb, nil),
		"bad-short-block":       []byte("WARC/1.0\r\nContent-Length: 99\r\n\r\nshort"),
		"bad-negative-length":   []byte("WARC/1.0\r\nX: a\r\n b\r\nContent-Length: -1\r\n\r\n"),
		"bad-huge-length":       one(testRecord{typ: "resource", cl: "99999999999999999999", block: "x"}),
		"bad-no-length":         one(testRecord{typ: "resource", noCL: true, block: "x"}),
		"bad-not-warc":          []byte("HTTP/1.1 200 OK\r\n\r\n"),
		"bad-gzip-not-warc":     gzipBytes(tb, []byte("not a warc")),
		"bad-gzip-truncated":    {0x1f, 0x8b, 0x08},
		"bad-http-chunk-length": one(testRecord{typ: "response", ctype: "application/http; msgtype=response", block: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nx"}),
	} {
		seeds[name] = []any{data}
	}
	return seeds
}

func TestFuzzCorpus(t *testing.T) {
	fuzzcorpus.Sync(t, "FuzzReader", readerSeeds(t))
	for _, mode := range modes {
		args, err := fuzzcorpus.Load("FuzzReader", "valid-"+mode)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := readAll(args[0].([]byte)); err != nil || n != 4 {
			t.Errorf("seed valid-%s: %d records, %v", mode, n, err)
		}
	}
}

// FuzzReader feeds arbitrary bytes to the reader and to HTTPResponse. They
// must never panic or hang, must honour Content-Length, and must return
// *Error values. Seeds: testdata/fuzz/FuzzReader.
func FuzzReader(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			var we *Error
			if !errors.As(err, &we) {
				t.Fatalf("NewReader error %T %v is not *Error", err, err)
			}
			return
		}
		for i := 0; ; i++ {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var we *Error
				if !errors.As(err, &we) {
					t.Fatalf("Next error %T %v is not *Error", err, err)
				}
				if _, err2 := r.Next(); err2 == nil {
					t.Fatal("Next succeeded after an error")
				}
				return
			}
			if rec.ContentLength < 0 {
				t.Fatalf("negative ContentLength %d", rec.ContentLength)
			}
			if i%2 == 1 {
				continue // leave the block for Next to skip
			}
			if strings.Contains(rec.ContentType, "http") {
				if _, _, body, err := HTTPResponse(rec.Body); err == nil {
					io.CopyN(io.Discard, body, 1<<20)
				}
				continue
			}
			n, err := io.Copy(io.Discard, rec.Body)
			if n > rec.ContentLength || (err == nil && n != rec.ContentLength) {
				t.Fatalf("read %d bytes of a %d-byte block, err %v", n, rec.ContentLength, err)
			}
		}
	})
}
