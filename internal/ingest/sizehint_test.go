package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

// A size hint only sizes the buffer: a right, short, long or absent hint
// reads the same bytes, and the cap still holds.
func TestReadAllCappedHint(t *testing.T) {
	body := []byte(strings.Repeat("<p>A paragraph of a page, read whole.</p>\n", 500))
	n := int64(len(body))
	for _, hint := range []int64{0, 1, n - 1, n, n + 1, 3 * n} {
		got, err := readAllCappedHint(bytes.NewReader(body), 1<<20, false, hint)
		if err != nil || !bytes.Equal(got, body) {
			t.Fatalf("hint %d: %d bytes, err %v; want %d bytes", hint, len(got), err, n)
		}
	}
	for _, hint := range []int64{0, n - 10, n} {
		if _, err := readAllCappedHint(bytes.NewReader(body), n-1, false, hint); !errors.Is(err, ErrTooLarge) {
			t.Fatalf("hint %d, cap %d: err %v, want ErrTooLarge", hint, n-1, err)
		}
	}
}

func TestGzipSizeHint(t *testing.T) {
	body := strings.Repeat("words of an article ", 2000)
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write([]byte(body))
	zw.Close()
	z := zb.Bytes()
	if got := gzipSizeHint(bytes.NewReader(z), int64(len(z))); got != int64(len(body)) {
		t.Fatalf("gzipSizeHint = %d, want %d", got, len(body))
	}
	// a stated size deflate cannot reach is no hint
	bad := append([]byte(nil), z...)
	copy(bad[len(bad)-4:], []byte{0xff, 0xff, 0xff, 0x7f})
	if got := gzipSizeHint(bytes.NewReader(bad), int64(len(bad))); got != 0 {
		t.Fatalf("implausible size: hint %d, want 0", got)
	}
	// no random access (a pipe): no hint
	if got := gzipSizeHint(bytes.NewBuffer(z), int64(len(z))); got != 0 {
		t.Fatal("hint without a size")
	}
}
