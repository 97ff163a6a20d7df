package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestReadRecords(t *testing.T) {
	httpResp := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<p>hello</p>\n"
	recs := []testRecord{
		{typ: "warcinfo", date: "2024-05-01T10:00:00Z", ctype: "application/warc-fields", block: "software: test\r\nformat: WARC File Format 1.0\r\n"},
		{typ: "request", uri: "http://example.com/a", date: "2024-05-01T10:00:01Z", ctype: "application/http; msgtype=request", block: "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"},
		{typ: "response", uri: "http://example.com/a", date: "2024-05-01T10:00:02Z", ctype: "application/http; msgtype=response", block: httpResp},
		{version: "1.1", typ: "resource", uri: "<https://example.org/doc.txt>", date: "2024-05-01T10:00:03.123456Z", ctype: "text/plain", block: strings.Repeat("resource text ", 500)},
		{typ: "metadata", uri: "http://example.com/a", ctype: "application/warc-fields", block: "via: http://example.com/\r\n"},
		{typ: "revisit", uri: "http://example.com/a", date: "2024-05-02T10:00:00Z", extra: []Field{{"WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"}}, block: ""},
		{version: "0.17", typ: "conversion", uri: "http://example.com/b", ctype: "text/plain", block: "converted"},
		{version: "0.18", typ: "response", uri: "http://example.com/c", date: "not a date", block: strings.Repeat("x", 70000)},
	}
	// How much of each block the test reads before calling Next again, to
	// exercise skipping of unread and partly read blocks.
	readN := []int{-1, 0, 10, -1, 3, -1, 0, 100}
	wantDates := []time.Time{
		time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC),
		time.Date(2024, 5, 1, 10, 0, 1, 0, time.UTC),
		time.Date(2024, 5, 1, 10, 0, 2, 0, time.UTC),
		time.Date(2024, 5, 1, 10, 0, 3, 123456000, time.UTC),
		{}, time.Date(2024, 5, 2, 10, 0, 0, 0, time.UTC), {}, {},
	}
	for _, mode := range modes {
		t.Run(mode, func(t *testing.T) {
			data, offs := buildWARC(t, mode, recs...)
			r, err := NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range recs {
				rec, err := r.Next()
				if err != nil {
					t.Fatalf("record %d: %v", i+1, err)
				}
				v := want.version
				if v == "" {
					v = "1.0"
				}
				if rec.Version != v || rec.Type != want.typ || rec.ContentType != want.ctype ||
					rec.TargetURI != strings.Trim(want.uri, "<>") || rec.ContentLength != int64(len(want.block)) {
					t.Errorf("record %d: got version %q type %q ctype %q uri %q len %d", i+1, rec.Version, rec.Type, rec.ContentType, rec.TargetURI, rec.ContentLength)
				}
				if !rec.Date.Equal(wantDates[i]) {
					t.Errorf("record %d: date %v, want %v", i+1, rec.Date, wantDates[i])
				}
				if rec.Offset != offs[i] {
					t.Errorf("record %d: offset %d, want %d", i+1, rec.Offset, offs[i])
				}
				if got := rec.Header.Get("warc-type"); got != want.typ {
					t.Errorf("record %d: case-insensitive Get(warc-type) = %q", i+1, got)
				}
				for _, f := range want.extra {
					if got := rec.Header.Values(strings.ToUpper(f.Name)); len(got) != 1 || got[0] != f.Value {
						t.Errorf("record %d: Values(%s) = %q", i+1, f.Name, got)
					}
				}
				switch n := readN[i]; {
				case n < 0:
					b, err := io.ReadAll(rec.Body)
					if err != nil {
						t.Fatalf("record %d body: %v", i+1, err)
					}
					if string(b) != want.block {
						t.Errorf("record %d: body %q..., want %q...", i+1, clip(b), clip([]byte(want.block)))
					}
				case n > 0:
					b := make([]byte, n)
					if _, err := io.ReadFull(rec.Body, b); err != nil || string(b) != want.block[:n] {
						t.Errorf("record %d: first %d bytes %q, %v", i+1, n, b, err)
					}
				}
			}
			if rec, err := r.Next(); err != io.EOF {
				t.Fatalf("after last record: %v, %v; want io.EOF", rec, err)
			}
		})
	}
}

func TestLFOnlyAndExtraBlankLines(t *testing.T) {
	data := "WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: http://x/\nX-Folded: a\n  b\nContent-Length: 5\n\nhello\n\n\r\n\r\n" +
		"WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: 2\r\n\r\nok\r\n\r\n"
	r, err := NewReader(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rec.Body)
		got = append(got, rec.Type+"="+string(b)+"|"+rec.Header.Get("x-folded"))
	}
	want := []string{"resource=hello|a b", "metadata=ok|"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestEmptyInput(t *testing.T) {
	for _, in := range []string{"", "\r\n"} {
		r, err := NewReader(strings.NewReader(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if _, err := r.Next(); err != io.EOF {
			t.Fatalf("%q: Next = %v, want io.EOF", in, err)
		}
	}
}

func TestBodyAfterNext(t *testing.T) {
	data, _ := buildWARC(t, plain, testRecord{typ: "resource", block: "one"}, testRecord{typ: "resource", block: "two"})
	r, _ := NewReader(bytes.NewReader(data))
	first, _ := r.Next()
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(first.Body); err == nil {
		t.Fatal("reading a body after Next succeeded; want an error")
	}
}

func TestErrors(t *testing.T) {
	big := strings.Repeat("b", 5000)
	three := []testRecord{
		{typ: "warcinfo", block: "a: b\r\n"},
		{typ: "resource", uri: "http://x/1", block: "first"},
		{typ: "resource", uri: "http://x/2", block: big},
	}
	plainData, plainOffs := buildWARC(t, plain, three...)
	gzData, gzOffs := buildWARC(t, perRecord, three...)
	wholeData, _ := buildWARC(t, wholeFile, three...)
	hdr3 := len(rawRecord(three[2])) - len(big) - 4 // header bytes of record 3

	tests := []struct {
		name    string
		data    []byte
		wantOK  int      // records fully read before the error
		wantErr []string // substrings of the error
		is      error    // errors.Is target, if any
	}{
		{
			name:    "truncated block",
			data:    plainData[:plainOffs[2]+int64(hdr3)+812],
			wantOK:  2,
			wantErr: []string{fmt.Sprintf("warc: record 3 at offset %d: truncated block: want 5000 bytes, got 812", plainOffs[2])},
			is:      io.ErrUnexpectedEOF,
		},
		{
			name:    "truncated gzip member",
			data:    gzData[:gzOffs[2]+(int64(len(gzData))-gzOffs[2])/2],
			wantOK:  2,
			wantErr: []string{fmt.Sprintf("warc: record 3 at offset %d:", gzOffs[2]), "truncated gzip member"},
			is:      io.ErrUnexpectedEOF,
		},
		{
			name:    "truncated gzip trailer",
			data:    gzData[:len(gzData)-4], // block complete, CRC and size cut
			wantOK:  3,
			wantErr: []string{fmt.Sprintf("record 3 at offset %d: after block: truncated gzip member", gzOffs[2])},
			is:      io.ErrUnexpectedEOF,
		},
		{
			name:    "truncated whole-file gzip",
			data:    wholeData[:len(wholeData)-30],
			wantOK:  2,
			wantErr: []string{"record 3 at offset 0", "truncated gzip member (starting at offset 0)"},
			is:      io.ErrUnexpectedEOF,
		},
		{
			name: "corrupt gzip member",
			data: func() []byte {
				d := append([]byte{}, gzData...)
				for i := gzOffs[2] + 20; i < gzOffs[2]+60; i++ {
					d[i] ^= 0x55
				}
				return d
			}(),
			wantOK:  2,
			wantErr: []string{fmt.Sprintf("record 3 at offset %d:", gzOffs[2]), fmt.Sprintf("gzip member at offset %d: ", gzOffs[2])},
		},
		{
			name:    "truncated gzip header of next member",
			data:    gzData[:gzOffs[2]+5],
			wantOK:  2,
			wantErr: []string{fmt.Sprintf("record 3 at offset %d: truncated gzip header at offset %d", gzOffs[2], gzOffs[2])},
			is:      io.ErrUnexpectedEOF,
		},
		{
			name:    "truncated header",
			data:    append(append([]byte{}, plainData[:plainOffs[2]]...), "WARC/1.0\r\nWARC-Type: resource\r\nContent-Le"...),
			wantOK:  2,
			wantErr: []string{fmt.Sprintf("record 3 at offset %d: truncated header", plainOffs[2])},
			is:      io.ErrUnexpectedEOF,
		},
		{
			name:    "garbage between records",
			data:    append(append(append([]byte{}, plainData[:plainOffs[1]]...), "GARBAGE here\r\n"...), plainData[plainOffs[1]:]...),
			wantOK:  1,
			wantErr: []string{fmt.Sprintf("record 2 at offset %d: expected a WARC version line, found \"GARBAGE here\"", plainOffs[1])},
		},
		{
			name:    "garbage after gzip member",
			data:    append(append([]byte{}, gzData...), "trailing junk"...),
			wantOK:  3,
			wantErr: []string{fmt.Sprintf("record 4 at offset %d: data at offset %d, after a gzip member, is not a gzip member", len(gzData), len(gzData))},
		},
		{
			name:    "bad version line",
			data:    []byte("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"),
			wantErr: []string{`warc: not a WARC file (missing "WARC/" version line)`},
			is:      ErrNotWARC,
		},
		{
			name:    "gzipped non-WARC",
			data:    gzipBytes(t, []byte("<html>not a warc</html>")),
			wantErr: []string{"not a WARC file", `input starts with "<html>not a warc`},
			is:      ErrNotWARC,
		},
		{
			name:    "missing Content-Length",
			data:    rawRecord(testRecord{typ: "resource", block: "abc", noCL: true}),
			wantErr: []string{"warc: record 1 at offset 0: missing Content-Length"},
		},
		{
			name:    "negative Content-Length",
			data:    rawRecord(testRecord{typ: "resource", block: "abc", cl: "-3"}),
			wantErr: []string{`invalid Content-Length "-3"`},
		},
		{
			name:    "non-numeric Content-Length",
			data:    rawRecord(testRecord{typ: "resource", block: "abc", cl: "12abc"}),
			wantErr: []string{`invalid Content-Length "12abc"`},
		},
		{
			name:    "malformed header line",
			data:    []byte("WARC/1.0\r\nWARC-Type: resource\r\nNo colon here\r\nContent-Length: 0\r\n\r\n\r\n\r\n"),
			wantErr: []string{"malformed header line"},
		},
		{
			name:    "header too large (one long line)",
			data:    rawRecord(testRecord{typ: "resource", block: "abc", extra: []Field{{"X-Big", strings.Repeat("v", MaxHeaderBytes+10)}}}),
			wantErr: []string{"record 1 at offset 0: header section too large"},
			is:      ErrHeaderTooLarge,
		},
		{
			name: "header too large (many fields)",
			data: rawRecord(testRecord{typ: "resource", block: "abc", extra: func() []Field {
				fs := make([]Field, 60000)
				for i := range fs {
					fs[i] = Field{fmt.Sprintf("X-F%d", i), "some value"}
				}
				return fs
			}()}),
			wantErr: []string{"header section too large"},
			is:      ErrHeaderTooLarge,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ok, err := readAll(tc.data)
			if ok != tc.wantOK {
				t.Errorf("read %d records before the error, want %d", ok, tc.wantOK)
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, s := range tc.wantErr {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", err, tc.is)
			}
			var we *Error
			if !errors.As(err, &we) {
				t.Errorf("error %T is not a *warc.Error", err)
			}
		})
	}
}

// readAll reads every record and block; it returns how many records were
// read completely and the first error other than io.EOF.
func readAll(data []byte) (int, error) {
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if _, err := io.Copy(io.Discard, rec.Body); err != nil {
			// The error is sticky: Next must report it too.
			if _, err2 := r.Next(); err2 == nil || err2.Error() != err.Error() {
				return n, fmt.Errorf("Next after body error %v returned %v", err, err2)
			}
			return n, err
		}
		n++
	}
}

// zeros is an io.Reader producing n zero bytes lazily.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > z.n {
		p = p[:z.n]
	}
	clear(p)
	z.n -= int64(len(p))
	return len(p), nil
}

// TestSkipLargeBlock checks that Next skips an unread 50 MB block without
// buffering it.
func TestSkipLargeBlock(t *testing.T) {
	const size = 50 << 20
	head := fmt.Sprintf("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: %d\r\n\r\n", size)
	tail := rawRecord(testRecord{typ: "metadata", block: "after"})
	lazy := func() io.Reader {
		return io.MultiReader(strings.NewReader(head), &zeros{n: size}, strings.NewReader("\r\n\r\n"), bytes.NewReader(tail))
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	if _, err := io.Copy(zw, lazy()); err != nil {
		t.Fatal(err)
	}
	zw.Close()

	for _, tc := range []struct {
		name string
		in   func() io.Reader
	}{
		{"plain", lazy},
		{"gzip", func() io.Reader { return bytes.NewReader(gz.Bytes()) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			r, err := NewReader(in)
			if err != nil {
				t.Fatal(err)
			}
			rec, err := r.Next()
			if err != nil || rec.ContentLength != size {
				t.Fatalf("first record: %v, %v", rec, err)
			}
			rec, err = r.Next()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rec.Body)
			if err != nil || string(b) != "after" {
				t.Fatalf("second record: %q, %v", b, err)
			}
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			if alloc > 2<<20 {
				t.Fatalf("skipping a %d-byte block allocated %d bytes", size, alloc)
			}
			t.Logf("skipping a %d-byte block: %d bytes allocated in all", size, alloc)
		})
	}
}

// TestEmptyGzipMembers checks that empty gzip members between records are
// skipped and that offsets name the member that holds each record.
func TestEmptyGzipMembers(t *testing.T) {
	empty := gzipBytes(t, nil)
	r1 := gzipBytes(t, rawRecord(testRecord{typ: "resource", block: "one"}))
	r2 := gzipBytes(t, rawRecord(testRecord{typ: "resource", block: "two"}))
	var data []byte
	data = append(data, empty...)
	data = append(data, r1...)
	data = append(data, empty...)
	data = append(data, empty...)
	off2 := len(data)
	data = append(data, r2...)
	data = append(data, empty...)
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		off   int
		block string
	}{{len(empty), "one"}, {off2, "two"}}
	for i, w := range want {
		rec, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rec.Body)
		if rec.Offset != int64(w.off) || string(b) != w.block {
			t.Errorf("record %d: offset %d body %q, want %d %q", i+1, rec.Offset, b, w.off, w.block)
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("Next = %v, want io.EOF", err)
	}
}
