package warc

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader and to HTTPResponse. They
// must never panic or hang, must honour Content-Length, and must return
// *Error values.
func FuzzReader(f *testing.F) {
	recs := []testRecord{
		{typ: "warcinfo", ctype: "application/warc-fields", block: "software: fuzz\r\n"},
		{typ: "response", uri: "<http://x/>", ctype: "application/http; msgtype=response", block: string(msg200(f, "<p>hi</p>"))},
		{version: "1.1", typ: "resource", uri: "http://x/r", date: "2024-01-02T03:04:05.5Z", ctype: "text/plain", block: "hello"},
		{version: "0.18", typ: "metadata", block: ""},
	}
	for _, mode := range modes {
		data, _ := buildWARC(f, mode, recs...)
		f.Add(data)
	}
	f.Add([]byte("WARC/1.0\nContent-Length: 3\n\nabc\n\n"))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99\r\n\r\nshort"))
	f.Add([]byte("WARC/1.0\r\nX: a\r\n b\r\nContent-Length: -1\r\n\r\n"))
	f.Add([]byte("HTTP/1.1 200 OK\r\n\r\n"))
	f.Add(gzipBytes(f, []byte("not a warc")))
	f.Add([]byte{0x1f, 0x8b, 0x08})

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
