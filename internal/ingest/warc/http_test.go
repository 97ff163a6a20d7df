package warc

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"io"
	"net/http/httputil"
	"strings"
	"testing"
)

func chunked(t testing.TB, p []byte, size int) []byte {
	t.Helper()
	var b bytes.Buffer
	cw := httputil.NewChunkedWriter(&b)
	for len(p) > 0 {
		n := min(size, len(p))
		if _, err := cw.Write(p[:n]); err != nil {
			t.Fatal(err)
		}
		p = p[n:]
	}
	cw.Close()
	b.WriteString("\r\n") // end of (empty) trailer
	return b.Bytes()
}

func zlibBytes(p []byte) []byte {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(p)
	zw.Close()
	return b.Bytes()
}

func rawDeflate(p []byte) []byte {
	var b bytes.Buffer
	zw, _ := flate.NewWriter(&b, flate.DefaultCompression)
	zw.Write(p)
	zw.Close()
	return b.Bytes()
}

func TestHTTPResponse(t *testing.T) {
	payload := []byte(strings.Repeat("<p>Le président a déclaré…</p>\n", 300))
	msg := func(head string, body []byte) []byte {
		return append([]byte(head), body...)
	}
	tests := []struct {
		name       string
		block      []byte
		wantStatus int
		wantHeader map[string]string // "" means absent
		wantBody   []byte
		wantErr    string
	}{
		{
			name:       "identity",
			block:      msg("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 7\r\n\r\n", payload),
			wantStatus: 200,
			wantHeader: map[string]string{"Content-Type": "text/html; charset=utf-8", "Content-Length": "7"},
			wantBody:   payload, // the block, not Content-Length, ends the body
		},
		{
			name:       "chunked",
			block:      msg("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(t, payload, 1000)),
			wantStatus: 200,
			wantBody:   payload,
		},
		{
			name:       "gzip",
			block:      msg("HTTP/1.0 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 99\r\n\r\n", gzipBytes(t, payload)),
			wantStatus: 200,
			wantHeader: map[string]string{"Content-Encoding": "", "Content-Length": ""},
			wantBody:   payload,
		},
		{
			name:       "chunked gzip",
			block:      msg("HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\ncontent-encoding: x-gzip\r\nX-Folded: one\r\n two\r\n\r\n", chunked(t, gzipBytes(t, payload), 333)),
			wantStatus: 200,
			wantHeader: map[string]string{"X-Folded": "one two", "Content-Encoding": ""},
			wantBody:   payload,
		},
		{
			name:       "deflate zlib",
			block:      msg("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", zlibBytes(payload)),
			wantStatus: 200,
			wantBody:   payload,
		},
		{
			name:       "deflate raw",
			block:      msg("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", rawDeflate(payload)),
			wantStatus: 200,
			wantBody:   payload,
		},
		{
			name:       "labelled gzip and chunked but stored decoded",
			block:      msg("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n", payload),
			wantStatus: 200,
			wantBody:   payload,
		},
		{
			name:       "unknown encoding kept",
			block:      msg("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n", []byte("\x8b\x02\x80brotli")),
			wantStatus: 200,
			wantHeader: map[string]string{"Content-Encoding": "br"},
			wantBody:   []byte("\x8b\x02\x80brotli"),
		},
		{
			name:       "LF only, no reason phrase, junk header line",
			block:      msg("HTTP/1.1 404\nServer: x\nthis line has no colon\nContent-Type: text/plain\n\n", []byte("gone")),
			wantStatus: 404,
			wantHeader: map[string]string{"Server": "x", "Content-Type": "text/plain"},
			wantBody:   []byte("gone"),
		},
		{
			name:       "header only, no blank line",
			block:      []byte("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n"),
			wantStatus: 304,
			wantHeader: map[string]string{"Etag": `"x"`},
			wantBody:   []byte{},
		},
		{name: "request, not response", block: []byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), wantErr: "malformed status line"},
		{name: "bad status code", block: []byte("HTTP/1.1 2000 OK\r\n\r\n"), wantErr: "malformed status code"},
		{name: "empty block", block: nil, wantErr: "reading status line"},
		{name: "corrupt gzip header", block: msg("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", []byte{0x1f, 0x8b, 0x01}), wantErr: "gzip body"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, header, body, err := HTTPResponse(bytes.NewReader(tc.block))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if status != tc.wantStatus {
				t.Errorf("status %d, want %d", status, tc.wantStatus)
			}
			for k, v := range tc.wantHeader {
				if got := header.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			got, err := io.ReadAll(body)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tc.wantBody) {
				t.Errorf("body %d bytes %q..., want %d bytes", len(got), clip(got), len(tc.wantBody))
			}
		})
	}
}

// TestResponseRecordEndToEnd reads a chunked, gzip-encoded HTTP response
// from a response record in a per-record-gzip WARC.
func TestResponseRecordEndToEnd(t *testing.T) {
	page := "<html><body><h1>Storm hits coast</h1></body></html>"
	block := string(msg200(t, page))
	data, _ := buildWARC(t, perRecord,
		testRecord{typ: "warcinfo", block: "software: test\r\n"},
		testRecord{typ: "response", uri: "<http://news.example/storm>", ctype: "application/http; msgtype=response", block: block},
	)
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for {
		rec, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if rec.Type != "response" {
			continue
		}
		status, h, body, err := HTTPResponse(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(body)
		if err != nil {
			t.Fatal(err)
		}
		if status != 200 || h.Get("Content-Type") != "text/html" || string(b) != page || rec.TargetURI != "http://news.example/storm" {
			t.Fatalf("got %d %q %q %q", status, h.Get("Content-Type"), b, rec.TargetURI)
		}
		return
	}
}

func msg200(t testing.TB, page string) []byte {
	head := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
	return append([]byte(head), chunked(t, gzipBytes(t, []byte(page)), 16)...)
}
